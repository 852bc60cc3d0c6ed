package org.gateboard.verdict.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Reads a device's JSON body defensively: the content type must be JSON in UTF-8, the size is counted while
 * reading (a Content-Length header is only used to refuse early, never trusted to be small), and the JSON
 * parser refuses deep nesting, duplicate keys and trailing garbage.
 */
final class RequestBodies {

    /** 1 MiB, as the contract says. */
    static final int MAX_VERDICT_BODY = 1024 * 1024;
    static final int MAX_HEARTBEAT_BODY = 16 * 1024;
    static final int MAX_NESTING = 32;

    /**
     * A mapper of its own, not the application's: it only reads trees, under limits meant for untrusted device
     * bodies (nesting, number and text sizes, duplicate keys), not for what the rest of the application reads.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(100).maxStringLength(MAX_VERDICT_BODY).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A refusal to read the body, with the status and detail to answer. */
    static final class Refused extends Exception {
        final HttpStatus status;

        Refused(HttpStatus status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    private RequestBodies() {
    }

    static JsonNode read(HttpServletRequest request, int maxBytes) throws Refused, IOException {
        checkContentType(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes);
        if (body.length == 0) {
            throw new Refused(HttpStatus.BAD_REQUEST, "The request has no body; send a JSON object.");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // a number whose exponent no decimal can hold, e.g. 1e-2147483648
            throw new Refused(HttpStatus.BAD_REQUEST, "The body holds a number out of any field's range.");
        }
    }

    private static void checkContentType(HttpServletRequest request) throws Refused {
        String header = request.getContentType();
        MediaType type;
        try {
            type = header == null ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json"))
                || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as 'Content-Type: application/json' (UTF-8).");
        }
        Charset charset;
        try {
            charset = type.getCharset();
        } catch (UnsupportedCharsetException e) {
            charset = StandardCharsets.ISO_8859_1;
        }
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "JSON must be sent in UTF-8.");
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Compressed request bodies are not accepted.");
        }
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException, Refused {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Refused tooLarge(int maxBytes) {
        return new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + maxBytes
                + " bytes; send the backlog in smaller batches.");
    }
}
