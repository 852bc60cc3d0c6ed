package org.gateboard.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON APIs and a node's Prometheus metrics over HTTP, signed in with HTTP Basic as a demo account. */
final class ClusterApi {

    static final String ADMIN = "admin:admin123";
    static final String OFFICIAL = "official:official123";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A venue with one gate and its device, registered for the test through the admin API. */
    record TestVenue(long id, String code, long gateId, long deviceId, String token) {
    }

    HttpResponse<String> get(String url, String account) throws IOException, InterruptedException {
        return http.send(request(url, account).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String account, Object body) throws IOException, InterruptedException {
        return http.send(request(url, account).header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON of a 2xx answer; fails on any other. */
    JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("%s answered %s", response.uri(), response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** A new venue (a unique code), its gate G1 and a device there, through the admin API at {@code baseUrl}. */
    TestVenue registerVenue(String baseUrl) throws IOException, InterruptedException {
        String code = "CLUSTER-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        JsonNode venue = json(post(baseUrl + "/api/v1/admin/venues", ADMIN, Map.of("code", code,
                "nameZh", "集群测试场所", "nameEn", "Cluster test venue", "level", "DISTRICT", "district", "黄浦区")));
        long venueId = venue.get("id").asLong();
        JsonNode gate = json(post(baseUrl + "/api/v1/admin/venues/" + venueId + "/gates", ADMIN,
                Map.of("code", "G1", "nameZh", "一号门", "nameEn", "Gate 1")));
        long gateId = gate.get("id").asLong();
        JsonNode device = json(post(baseUrl + "/api/v1/admin/gates/" + gateId + "/devices", ADMIN,
                Map.of("label", "cluster test device")));
        return new TestVenue(venueId, code, gateId, device.get("deviceId").asLong(), device.get("token").asText());
    }

    /** Whether the stats API at {@code baseUrl} lists the venue (the node's live figures know of it). */
    boolean statsList(String baseUrl, TestVenue venue) throws IOException, InterruptedException {
        for (JsonNode v : json(get(baseUrl + "/api/v1/stats/venues", OFFICIAL))) {
            if (v.get("venueId").asLong() == venue.id()) {
                return true;
            }
        }
        return false;
    }

    /** The refusal search's first page for the venue, as an official. */
    HttpResponse<String> searchRefusals(String baseUrl, TestVenue venue) throws IOException, InterruptedException {
        return post(baseUrl + "/api/v1/refusals/search", OFFICIAL, Map.of("venueCode", venue.code(), "limit", 500));
    }

    /**
     * The sum of a metric's samples on the node at {@code nodeUrl} (its own Prometheus endpoint, as an admin)
     * whose labels include every one given, e.g. {@code result="accepted"}; 0 when there is none.
     */
    double metric(String nodeUrl, String name, String... labels) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(nodeUrl + "/actuator/prometheus", ADMIN)
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        double sum = 0;
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(response.body());
        while (sample.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= sample.group(1).contains(label);
            }
            if (all) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static HttpRequest.Builder request(String url, String account) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        account.getBytes(StandardCharsets.UTF_8)));
    }
}
