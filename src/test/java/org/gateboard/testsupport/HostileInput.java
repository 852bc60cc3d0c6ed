package org.gateboard.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.verdict.internal.ResidentIds;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mutation engine of the hostile-input campaign, shared by every endpoint's run: values that break
 * types, ranges, encodings and parsers, ways to mutate a valid JSON object or its bytes, and a client that
 * times every answer. Seeded, so a failing run repeats.
 */
public final class HostileInput {

    /** A string marked so becomes a bare JSON token: numbers no Java type can hold. */
    public static final String RAW = "__raw__";
    /**
     * The HTTP Basic APIs check a BCrypt hash on every request; on the shared 2-core machine under a load of
     * 25 that check alone took up to a second, so their bound leaves room for it. The server's own work on
     * hostile input is held to a second by the device-token campaigns.
     */
    public static final Duration BASIC_AUTH_BOUND = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Object> values = values();
    private final List<Long> nanos = new ArrayList<>();
    private long maxNanos;
    private String slowest;

    public HostileInput(long seed) {
        this.random = new Random(seed);
    }

    public List<Object> hostileValues() {
        return values;
    }

    public Object anyValue() {
        return values.get(random.nextInt(values.size()));
    }

    /** One mutation of {@code v}: remove a field, copy one from a sibling, garble a string, or a hostile value. */
    public void mutate(Map<String, Object> v, List<String> fields, List<Map<String, Object>> siblings) {
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(6)) {
            case 0 -> v.remove(field);
            case 1 -> v.put(field, siblings.get(random.nextInt(siblings.size()))
                    .get(fields.get(random.nextInt(fields.size()))));
            case 2 -> v.put(fields.get(0), siblings.get(random.nextInt(siblings.size())).get(fields.get(0)));
            case 3 -> {
                Object current = v.get(field);
                if (current instanceof String s && !s.isEmpty()) {
                    StringBuilder b = new StringBuilder(s);
                    b.setCharAt(random.nextInt(b.length()), (char) (32 + random.nextInt(0x3000)));
                    v.put(field, b.toString());
                } else {
                    v.put(field, anyValue());
                }
            }
            default -> v.put(field, anyValue());
        }
    }

    /** A few random bytes of {@code text} replaced. */
    public void mutateBytes(byte[] text) {
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            text[random.nextInt(text.length)] = (byte) random.nextInt(256);
        }
    }

    /** A hostile value as text for a URL: its JSON form, or a plain string. */
    public String anyText() {
        Object value = anyValue();
        String text = value instanceof String s ? s : rawJson(value);
        return text.startsWith(RAW) ? text.substring(RAW.length()) : text;
    }

    /** JSON text in which the RAW-marked strings become bare tokens. */
    public static String rawJson(Object value) {
        try {
            return JSON.writeValueAsString(value).replaceAll("\"" + RAW + "([^\"]*)\"", "$1");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends and times one request; 5 s without an answer fails the test. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer within 5 s to " + built.method() + " " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long took = System.nanoTime() - start;
        nanos.add(took);
        if (took > maxNanos) {
            maxNanos = took;
            slowest = built.method() + " " + built.uri();
        }
        assertThat(response.statusCode()).as(built.method() + " " + built.uri() + ": " + response.body())
                .isLessThan(500);
        return response;
    }

    /** Prints the figures and holds every answer to a generous bound: a second. */
    public void report(String campaign) {
        report(campaign, Duration.ofSeconds(1));
    }

    /** Prints the figures (median and slowest answer) and holds every answer to {@code bound}. */
    public void report(String campaign, Duration bound) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("Hostile input, %s: %d requests, median %.1f ms, slowest %.1f ms (%s)%n", campaign,
                sorted.size(), sorted.get(sorted.size() / 2) / 1e6, maxNanos / 1e6, slowest);
        assertThat(maxNanos).as("slowest answer, " + slowest).isLessThan(bound.toNanos());
    }

    private static List<Object> values() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        values.add(true);
        values.add(false);
        values.add(0);
        values.add(-1);
        values.add(1);
        values.add(Integer.MAX_VALUE);
        values.add(Long.MIN_VALUE);
        values.add(37.3);
        values.add(45.0000001);
        values.add(29.99999999);
        values.add(3600.0004);
        values.add(RAW + "1e999999999");
        values.add(RAW + "-1e999999999");
        values.add(RAW + "1e-999999999");
        values.add(RAW + "1e-1000000");
        values.add(RAW + "3.6e-2147483647");
        values.add(RAW + "123456789012345678901234567890");
        values.add(RAW + "37.3000000000000000000000000000000000001");
        values.add(RAW + "-0");
        values.add("");
        values.add(" ");
        values.add("NaN");
        values.add("37.5");
        values.add("x".repeat(65));
        values.add("x".repeat(300));
        values.add("名".repeat(64));
        values.add("名".repeat(65));
        values.add("😷".repeat(64));
        values.add("\u0000");
        values.add("a\u0007b");
        values.add("\uD800");
        values.add("'; DROP TABLE verdict; --");
        values.add("../../etc/passwd");
        values.add("%00");
        values.add("green");
        values.add("GREEN");
        values.add("RED");
        values.add("ADMITTED");
        values.add("REFUSED");
        values.add("NO_CODE");
        values.add("BIDDER");
        values.add("HEALTH_CLOUD");
        values.add("CITY");
        values.add("district");
        String id = validIdNumber();
        values.add(id);
        values.add(id.toLowerCase());
        values.add("31010419600615001X");
        values.add("310104196006150012");
        values.add("3101041960061500１X");
        values.add(UUID.randomUUID().toString().toUpperCase());
        values.add("00000000-0000-0000-0000-000000000000");
        values.add("1-1-1-1-1");
        values.add("2020-02-22T15:59:59.999Z");
        values.add("2020-02-23T00:00:00+08:00");
        values.add("9999-12-31T23:59:59Z");
        values.add("+999999999-12-31T23:59:59Z");
        values.add("-999999999-01-01");
        values.add("2024-13-01T00:00:00Z");
        values.add("2024-01-01T00:00:00");
        values.add("2024-01-01T00:00:00.123456789+14:00");
        values.add("2020-02-24");
        values.add(List.of());
        values.add(List.of("FEVER", "FEVER"));
        values.add(List.of("NO_CODE"));
        values.add(List.of("fever"));
        values.add(List.of(1, 2));
        values.add(List.of(List.of(List.of())));
        values.add(Map.of());
        values.add(Map.of("a", Map.of("b", 1)));
        return values;
    }

    private static String validIdNumber() {
        String body = "310104196006150" + String.format("%02d", 12);
        body = body.substring(0, 17);
        return body + ResidentIds.checkCharacter(body);
    }
}
