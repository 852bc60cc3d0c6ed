package org.gateboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The registry admin API (docs/admin-api.md) as the load tools use it to enrol their devices: HTTP Basic as an
 * admin, so every venue, gate and device goes through the registry service and into the audit trail.
 */
final class RegistryAdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;

    RegistryAdminClient(HttpClient http, String baseUrl, String user, String password) {
        this.http = http;
        this.baseUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/api/v1/admin";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the venue with this code, created (as a district venue) if there is none. */
    long venue(String code, String nameZh, String nameEn, String district) throws IOException, InterruptedException {
        for (JsonNode venue : get("/venues")) {
            if (venue.get("code").asText().equals(code)) {
                return venue.get("id").asLong();
            }
        }
        return post("/venues", json("code", code, "nameZh", nameZh, "nameEn", nameEn, "level", "DISTRICT",
                "district", district)).get("id").asLong();
    }

    /** The id of the venue's gate with this code, created if there is none. */
    long gate(long venueId, String code, String nameZh, String nameEn) throws IOException, InterruptedException {
        for (JsonNode gate : get("/venues/" + venueId + "/gates")) {
            if (gate.get("code").asText().equals(code)) {
                return gate.get("id").asLong();
            }
        }
        return post("/venues/" + venueId + "/gates", json("code", code, "nameZh", nameZh, "nameEn", nameEn))
                .get("id").asLong();
    }

    /** Registers a device at the gate; the answer holds its id and its token, shown this once. */
    JsonNode registerDevice(long gateId, String label) throws IOException, InterruptedException {
        return post("/gates/" + gateId + "/devices", json("label", label));
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return answer("GET " + path, http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()), 200);
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        return answer("POST " + path, http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()), 201);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization);
    }

    private static JsonNode answer(String what, HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String json(String... namesAndValues) throws IOException {
        var object = JSON.createObjectNode();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            object.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.writeValueAsString(object);
    }
}
