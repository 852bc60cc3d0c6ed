package org.gateboard.venue.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiHttpTest extends HttpTest {

    private static final String PROBLEM = "application/problem+json";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    VenueService venues;

    @Test
    void withoutCredentialsTheAnswerIs401Problem() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/admin/venues", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertProblem(r);

        assertThat(send("POST", "/api/v1/admin/gates/1/devices", "nobody:nothing", "{\"label\":\"x\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void managersAndOfficialsGet403() throws Exception {
        for (String who : new String[]{"manager:manager123", "official:official123"}) {
            HttpResponse<String> list = send("GET", "/api/v1/admin/venues", who, null);
            assertThat(list.statusCode()).as(who).isEqualTo(403);
            assertProblem(list);
            assertThat(send("POST", "/api/v1/admin/venues", who, venueJson(uniqueCode())).statusCode()).as(who)
                    .isEqualTo(403);
        }
    }

    @Test
    void anAdminScriptEnrolsAVenueAGateAndADeviceWhoseTokenWorks() throws Exception {
        String code = uniqueCode();
        HttpResponse<String> venue = admin("POST", "/api/v1/admin/venues", venueJson(code));
        assertThat(venue.statusCode()).isEqualTo(201);
        long venueId = body(venue).get("id").asLong();
        assertThat(venue.headers().firstValue("Location")).hasValue("/api/v1/admin/venues/" + venueId);
        assertThat(body(venue).get("code").asText()).isEqualTo(code);
        assertThat(body(admin("GET", "/api/v1/admin/venues/" + venueId, null)).get("nameEn").asText())
                .isEqualTo("API Test Centre");

        HttpResponse<String> gate = admin("POST", "/api/v1/admin/venues/" + venueId + "/gates",
                "{\"code\":\"G1\",\"nameZh\":\"东门\",\"nameEn\":\"East entrance\"}");
        assertThat(gate.statusCode()).isEqualTo(201);
        long gateId = body(gate).get("id").asLong();
        assertThat(body(admin("GET", "/api/v1/admin/venues/" + venueId + "/gates", null)))
                .extracting(n -> n.get("code").asText()).containsExactly("G1");

        HttpResponse<String> device = admin("POST", "/api/v1/admin/gates/" + gateId + "/devices",
                "{\"label\":\"scanner A-001\"}");
        assertThat(device.statusCode()).isEqualTo(201);
        JsonNode issued = body(device);
        long deviceId = issued.get("deviceId").asLong();
        String token = issued.get("token").asText();
        assertThat(token).startsWith("gbd_");
        assertThat(venues.deviceByToken(token)).hasValueSatisfying(id -> {
            assertThat(id.deviceId()).isEqualTo(deviceId);
            assertThat(id.gateId()).isEqualTo(gateId);
            assertThat(id.venueId()).isEqualTo(venueId);
            assertThat(id.status()).isEqualTo(DeviceStatus.ACTIVE);
        });

        HttpResponse<String> listed = admin("GET", "/api/v1/admin/gates/" + gateId + "/devices", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("scanner A-001").doesNotContain(token);
    }

    @Test
    void rotatingAnswersANewTokenAndRevokingIsFinal() throws Exception {
        long gateId = newGate();
        JsonNode issued = body(admin("POST", "/api/v1/admin/gates/" + gateId + "/devices", "{\"label\":\"s\"}"));
        long deviceId = issued.get("deviceId").asLong();

        HttpResponse<String> rotated = admin("POST", "/api/v1/admin/devices/" + deviceId + "/rotate", null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newToken = body(rotated).get("token").asText();
        assertThat(venues.deviceByToken(issued.get("token").asText())).isEmpty();
        assertThat(venues.deviceByToken(newToken)).isPresent();

        assertThat(admin("DELETE", "/api/v1/admin/devices/" + deviceId, null).statusCode()).isEqualTo(204);
        assertThat(venues.deviceByToken(newToken).orElseThrow().status()).isEqualTo(DeviceStatus.REVOKED);
        assertThat(admin("DELETE", "/api/v1/admin/devices/" + deviceId, null).statusCode()).isEqualTo(204);
        HttpResponse<String> again = admin("POST", "/api/v1/admin/devices/" + deviceId + "/rotate", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertProblem(again);
    }

    @Test
    void aDuplicateVenueCodeIs409WithAReadableDetail() throws Exception {
        HttpResponse<String> r = admin("POST", "/api/v1/admin/venues", venueJson("SH-CITY"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertProblem(r);
        assertThat(body(r).get("detail").asText()).isEqualTo("A venue with that code exists.");
        assertThat(body(r).get("messageKey").asText()).isEqualTo("venue.error.duplicateCode");
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        HttpResponse<String> r = admin("POST", "/api/v1/admin/venues", "{\"code\": \"X1\", ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertProblem(r);
        assertThat(body(r).get("detail").asText()).startsWith("The body is not valid JSON");
        assertThat(r.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void wrongValuesAre400WithTheFieldNamed() throws Exception {
        HttpResponse<String> level = admin("POST", "/api/v1/admin/venues",
                "{\"code\":\"" + uniqueCode() + "\",\"nameZh\":\"甲\",\"nameEn\":\"A\",\"level\":\"TOWN\"}");
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(body(level).get("detail").asText()).contains("level", "TOWN", "CITY, DISTRICT, COMMITTEE, SUBCENTRE");

        HttpResponse<String> code = admin("POST", "/api/v1/admin/venues",
                "{\"code\":\"x\",\"nameZh\":\"甲\",\"nameEn\":\"A\",\"level\":\"CITY\"}");
        assertThat(code.statusCode()).isEqualTo(400);
        assertProblem(code);
        assertThat(body(code).get("detail").asText()).isEqualTo("Venue codes are 2-32 letters, digits, _ or -.");

        HttpResponse<String> label = admin("POST", "/api/v1/admin/gates/" + newGate() + "/devices", "{}");
        assertThat(label.statusCode()).isEqualTo(400);
        assertThat(body(label).get("detail").asText()).startsWith("Enter a device label");
    }

    @Test
    void unknownIdsAre404Problems() throws Exception {
        for (String[] call : new String[][]{{"GET", "/api/v1/admin/venues/999999999/gates"},
                {"GET", "/api/v1/admin/venues/999999999"},
                {"GET", "/api/v1/admin/gates/999999999/devices"},
                {"POST", "/api/v1/admin/devices/999999999/rotate"},
                {"DELETE", "/api/v1/admin/devices/999999999"}}) {
            HttpResponse<String> r = admin(call[0], call[1], null);
            assertThat(r.statusCode()).as(call[1]).isEqualTo(404);
            assertProblem(r);
        }
        HttpResponse<String> gate = admin("POST", "/api/v1/admin/gates/999999999/devices", "{\"label\":\"x\"}");
        assertThat(gate.statusCode()).isEqualTo(404);
        assertThat(body(gate).get("detail").asText()).isEqualTo("No such gate.");
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/api/v1/admin/venues"))
                .header("Authorization", basic("admin:admin123")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("code=X")).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(415);
        assertProblem(r);
    }

    @Test
    void theAdminApiIsInTheOpenApiDocument() throws Exception {
        HttpResponse<String> r = send("GET", "/v3/api-docs", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = body(r);
        assertThat(doc.get("paths").has("/api/v1/admin/gates/{gateId}/devices")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/admin/devices/{deviceId}/rotate")).isTrue();
        assertThat(doc.at("/components/securitySchemes/adminBasic/scheme").asText()).isEqualTo("basic");
        assertThat(r.body()).contains("Registry administration");
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private long newGate() throws Exception {
        long venueId = body(admin("POST", "/api/v1/admin/venues", venueJson(uniqueCode()))).get("id").asLong();
        return body(admin("POST", "/api/v1/admin/venues/" + venueId + "/gates",
                "{\"code\":\"G1\",\"nameZh\":\"东门\",\"nameEn\":\"East\"}")).get("id").asLong();
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, "admin:admin123", body);
    }

    private HttpResponse<String> send(String method, String path, String credentials, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Accept", "application/json");
        if (credentials != null) {
            b.header("Authorization", basic(credentials));
        }
        if (body != null || "POST".equals(method)) {
            // the admin API takes changes only as JSON, body or not (a cross-site form cannot send that)
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode body(HttpResponse<String> r) throws IOException {
        return json.readTree(r.body());
    }

    private void assertProblem(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM));
        JsonNode problem = body(r);
        assertThat(problem.get("status").asInt()).isEqualTo(r.statusCode());
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static String uniqueCode() {
        return "API-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String venueJson(String code) {
        return "{\"code\":\"" + code + "\",\"nameZh\":\"接口测试中心\",\"nameEn\":\"API Test Centre\","
                + "\"level\":\"DISTRICT\",\"district\":\"测试区\",\"address\":null}";
    }
}
