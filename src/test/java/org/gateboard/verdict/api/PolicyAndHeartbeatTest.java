package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.gateboard.policy.PolicyDraft;
import org.gateboard.policy.PolicyEditor;
import org.gateboard.policy.PolicyService;
import org.gateboard.policy.PolicyTesting;
import org.gateboard.base.Role;
import org.junit.jupiter.api.AfterEach;
import org.springframework.security.core.context.SecurityContextHolder;
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
    @Autowired
    private PolicyEditor editor;

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
    void aVenueTighteningIsServedToItsGatesOnlyWithANewETagAndVerdictsAreCheckedAgainstTheVersionTheyName() {
        TestDevice tightened = newDevice("LH");
        TestDevice elsewhere = newDevice("LG");
        String before = get("/api/v1/policy", tightened.token()).headers().firstValue("ETag").orElseThrow();
        int version;
        try {
            PolicyTesting.signIn("official", Role.OFFICIAL);
            version = editor.submit(new PolicyDraft(tightened.venueId(), PolicyTesting.params("37.0", true, true,
                    "GREEN"), null, "test tightening")).version();
        } finally {
            SecurityContextHolder.clearContext();
        }

        HttpResponse<String> changed = get("/api/v1/policy", tightened.token(), "If-None-Match", before);
        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode policy = tree(changed);
        assertThat(policy.get("version").asInt()).isEqualTo(version);
        assertThat(policy.get("feverThresholdC").decimalValue()).isEqualByComparingTo("37.0");
        String etag = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + version + "\"").isNotEqualTo(before);
        assertThat(get("/api/v1/policy", tightened.token(), "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(tree(get("/api/v1/policy", elsewhere.token())).get("version").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/policy", elsewhere.token(), "If-None-Match", "\"1\"").statusCode()).isEqualTo(304);

        Map<String, Object> warm = green();
        warm.put("temperatureC", 37.1);
        warm.put("policyVersion", version);
        Map<String, Object> warmUnderTheOldVersion = green();
        warmUnderTheOldVersion.put("temperatureC", 37.1);
        warmUnderTheOldVersion.put("policyVersion", 1);
        Map<String, Object> foreign = green();
        foreign.put("policyVersion", version);
        pushVerdicts(tightened, List.of(warm, warmUnderTheOldVersion));
        pushVerdicts(elsewhere, List.of(foreign));
        assertThat(jdbc.queryForObject("SELECT non_conformance FROM verdict WHERE id = ?", String.class,
                idBytes((String) warm.get("id")))).isEqualTo("ADMITTED_FEVER");
        assertThat(jdbc.queryForObject("SELECT non_conforming FROM verdict WHERE id = ?", Boolean.class,
                idBytes((String) warmUnderTheOldVersion.get("id")))).isFalse();
        assertThat(jdbc.queryForObject("SELECT non_conformance FROM verdict WHERE id = ?", String.class,
                idBytes((String) foreign.get("id")))).isEqualTo("OTHER_VENUE_POLICY");
    }

    @AfterEach
    void noticeBaselineAgain() {
        PolicyTesting.resetPolicies(jdbc, policies);
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
