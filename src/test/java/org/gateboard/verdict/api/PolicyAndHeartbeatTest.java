package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.gateboard.policy.PolicyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PolicyAndHeartbeatTest extends DeviceApiTestSupport {

    @Autowired
    private PolicyService policies;

    @Test
    void aDeviceGetsTheCityBaselineWithAnETagAndA304WhenUnchanged() {
        TestDevice device = newDevice("SJ");

        HttpResponse<String> response = get("/api/v1/policy", device.token());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode policy = tree(response);
        assertThat(policy.get("version").asInt()).isEqualTo(1);
        assertThat(policy.get("effectiveFrom").asText()).isEqualTo("2020-02-23T00:00:00+08:00");
        assertThat(policy.get("feverThresholdC").decimalValue()).isEqualByComparingTo("37.3");
        assertThat(policy.get("admittedColors")).extracting(JsonNode::asText).containsExactly("GREEN");
        assertThat(policy.get("photolessRequiresIdCheck").asBoolean()).isTrue();
        assertThat(policy.get("maskRequired").asBoolean()).isTrue();
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"1\"");

        HttpResponse<String> again = get("/api/v1/policy", device.token(), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/api/v1/policy", device.token(), "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/v1/policy", device.token(), "If-None-Match", "\"0\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aVenueTighteningIsServedToItsGatesOnlyAndVerdictsAreCheckedAgainstIt() {
        TestDevice tightened = newDevice("LH");
        TestDevice elsewhere = newDevice("LG");
        int version = jdbc.queryForObject("SELECT MAX(version) + 1 FROM policy_version", Integer.class);
        jdbc.update("INSERT INTO policy_version (version, venue_id, baseline_version, fever_threshold_c,"
                + " admitted_colors, photoless_requires_id_check, mask_required, effective_from, reason, created_at,"
                + " created_by) VALUES (?, ?, 1, 37.0, 'GREEN', TRUE, TRUE, ?, 'test tightening', ?, 'test')",
                version, tightened.venueId(), Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now()));
        policies.forgetInForce();

        JsonNode policy = tree(get("/api/v1/policy", tightened.token()));
        assertThat(policy.get("version").asInt()).isEqualTo(version);
        assertThat(policy.get("feverThresholdC").decimalValue()).isEqualByComparingTo("37.0");
        assertThat(tree(get("/api/v1/policy", elsewhere.token())).get("version").asInt()).isEqualTo(1);

        Map<String, Object> warm = green();
        warm.put("temperatureC", 37.1);
        warm.put("policyVersion", version);
        Map<String, Object> foreign = green();
        foreign.put("policyVersion", version);
        pushVerdicts(tightened, List.of(warm));
        pushVerdicts(elsewhere, List.of(foreign));
        assertThat(jdbc.queryForObject("SELECT non_conformance FROM verdict WHERE id = ?", String.class,
                idBytes((String) warm.get("id")))).isEqualTo("ADMITTED_FEVER");
        assertThat(jdbc.queryForObject("SELECT non_conformance FROM verdict WHERE id = ?", String.class,
                idBytes((String) foreign.get("id")))).isEqualTo("OTHER_VENUE_POLICY");
    }

    @Test
    void aHeartbeatRecordsBacklogClockSkewAndPolicyVersion() {
        TestDevice device = newDevice();
        OffsetDateTime sentAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(90);

        HttpResponse<String> response = postJson("/api/v1/heartbeat", device.token(),
                Map.of("policyVersion", 1, "backlog", 42, "sentAt", sentAt.toString()));

        assertThat(response.statusCode()).isEqualTo(204);
        Map<String, Object> contact = jdbc.queryForMap("SELECT * FROM device_contact WHERE device_id = ?",
                device.deviceId());
        assertThat(contact.get("backlog")).isEqualTo(42);
        assertThat(contact.get("policy_version")).isEqualTo(1);
        assertThat(((Number) contact.get("clock_skew_ms")).longValue()).isCloseTo(90_000L, within(5_000L));
        assertThat(contact.get("last_heartbeat_at")).isNotNull();
        Instant lastContact = jdbc.queryForObject("SELECT last_contact_at FROM device_contact WHERE device_id = ?",
                Timestamp.class, device.deviceId()).toInstant();
        assertThat(lastContact).isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));
    }

    @Test
    void aMalformedHeartbeatIs400() {
        TestDevice device = newDevice();
        for (Object body : List.of(Map.of("policyVersion", 1, "backlog", -1, "sentAt", "2024-01-01T00:00:00Z"),
                Map.of("policyVersion", "1", "backlog", 0, "sentAt", "2024-01-01T00:00:00Z"),
                Map.of("policyVersion", 1, "backlog", 0, "sentAt", "2024-01-01T00:00:00"),
                Map.of("backlog", 0), List.of())) {
            HttpResponse<String> response = postJson("/api/v1/heartbeat", device.token(), body);
            assertThat(response.statusCode()).as(String.valueOf(body)).isEqualTo(400);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_contact WHERE device_id = ? AND"
                + " last_heartbeat_at IS NOT NULL", Integer.class, device.deviceId())).isZero();
    }

    @Test
    void anyAuthenticatedCallUpdatesTheLastContact() throws InterruptedException {
        TestDevice device = newDevice();

        assertThat(get("/api/v1/policy", device.token()).statusCode()).isEqualTo(200);

        long deadline = System.currentTimeMillis() + 30_000;
        Integer rows;
        do {
            Thread.sleep(100);
            rows = jdbc.queryForObject("SELECT COUNT(*) FROM device_contact WHERE device_id = ?", Integer.class,
                    device.deviceId());
        } while (rows == 0 && System.currentTimeMillis() < deadline);
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheDeviceApiWithBearerSecurity() {
        HttpResponse<String> response = get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = tree(response);
        assertThat(doc.get("paths").has("/api/v1/verdicts")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/policy")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/heartbeat")).isTrue();
        assertThat(doc.at("/components/securitySchemes/deviceToken/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/schemas/Verdict/properties/temperatureC")).isNotNull();
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }
}
