package org.gateboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.policy.PolicyParameters;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** One device's side of the protocol over HTTP, as a gate's firmware would speak it. */
final class DeviceClient {

    /** The policy as pulled, with its version and ETag. */
    record HeldPolicy(int version, PolicyParameters params, String etag) {
    }

    /** The answer to a push: the status, and for a 200 the counts. */
    record PushAnswer(int status, int accepted, int duplicates, int rejected, int retryAfterSeconds) {
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final String baseUrl;
    private final String token;

    DeviceClient(HttpClient http, ObjectMapper json, String baseUrl, String token) {
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** The policy in force, or {@code held} itself when the server says it has not changed. */
    HeldPolicy policy(HeldPolicy held) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/v1/policy").GET();
        if (held != null && held.etag() != null) {
            request.header("If-None-Match", held.etag());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 304 && held != null) {
            return held;
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/v1/policy answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode p = json.readTree(response.body());
        Set<String> colors = new LinkedHashSet<>();
        p.get("admittedColors").forEach(c -> colors.add(c.asText()));
        return new HeldPolicy(p.get("version").asInt(), new PolicyParameters(new BigDecimal(p.get("feverThresholdC")
                .asText()), colors, p.get("photolessRequiresIdCheck").asBoolean(), p.get("maskRequired").asBoolean()),
                response.headers().firstValue("ETag").orElse(null));
    }

    PushAnswer push(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/v1/verdicts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            int retryAfter = response.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(0);
            return new PushAnswer(response.statusCode(), 0, 0, 0, retryAfter);
        }
        JsonNode answer = json.readTree(response.body());
        return new PushAnswer(200, answer.get("accepted").asInt(), answer.get("duplicates").asInt(),
                answer.get("rejected").size(), 0);
    }

    int heartbeat(int policyVersion, int backlog, Instant sentAt) throws IOException, InterruptedException {
        String body = "{\"policyVersion\":" + policyVersion + ",\"backlog\":" + backlog + ",\"sentAt\":\""
                + VerdictJson.instant(sentAt) + "\"}";
        return http.send(request("/api/v1/heartbeat").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token);
    }
}
