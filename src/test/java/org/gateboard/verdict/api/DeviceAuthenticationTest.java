package org.gateboard.verdict.api;

import org.gateboard.venue.DeviceStatus;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceAuthenticationTest extends DeviceApiTestSupport {

    @Test
    void aCallWithoutTokenIsAnswered401WithABearerChallengeNeverARedirect() {
        for (HttpResponse<String> response : List.of(get("/api/v1/policy", null),
                postJson("/api/v1/verdicts", null, Map.of("verdicts", greens(1))),
                postJson("/api/v1/heartbeat", null, Map.of("policyVersion", 1, "backlog", 0, "sentAt", "2024-01-01T00:00:00Z")))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(tree(response).get("detail").asText()).contains("Bearer");
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void anUnknownTokenIsAnswered401() {
        HttpResponse<String> response = get("/api/v1/policy", "gbd_not-a-real-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer"));
        assertThat(postJson("/api/v1/verdicts", "x".repeat(5000), Map.of("verdicts", greens(1))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aDisabledDeviceIsRefused403AndMayComeBack() {
        TestDevice device = newDevice();
        setStatus(device, DeviceStatus.DISABLED);

        HttpResponse<String> response = pushVerdicts(device, greens(1));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(tree(response).get("detail").asText()).contains("disabled");
        assertThat(storedForDevice(device)).isZero();
    }

    @Test
    void aRevokedTokenIsRefusedEvenRightAfterItWasUsed() {
        TestDevice device = newDevice();
        assertThat(pushVerdicts(device, greens(1)).statusCode()).isEqualTo(200);

        setStatus(device, DeviceStatus.REVOKED);

        // the token cache of this node forgets the device when the revocation commits
        assertThat(get("/api/v1/policy", device.token()).statusCode()).isEqualTo(403);
        HttpResponse<String> push = pushVerdicts(device, greens(1));
        assertThat(push.statusCode()).isEqualTo(403);
        assertThat(tree(push).get("detail").asText()).contains("revoked");
        assertThat(storedForDevice(device)).isEqualTo(1);
    }

    @Test
    void theGateComesFromTheTokenAndTheBodyCannotPostForAnotherGate() {
        TestDevice mine = newDevice("PD");
        TestDevice other = newDevice("SH-CITY");
        Map<String, Object> verdict = green();
        verdict.put("gateId", other.gateId());
        verdict.put("venueId", other.venueId());
        verdict.put("deviceId", other.deviceId());

        assertThat(pushVerdicts(mine, List.of(verdict)).statusCode()).isEqualTo(200);

        Map<String, Object> row = jdbc.queryForMap("SELECT venue_id, gate_id, device_id FROM verdict WHERE id = ?",
                idBytes((String) verdict.get("id")));
        assertThat(row).containsEntry("venue_id", mine.venueId()).containsEntry("gate_id", mine.gateId())
                .containsEntry("device_id", mine.deviceId());
        assertThat(storedForDevice(other)).isZero();
    }

    @Test
    void anotherGateSendingAStoredIdIsRejectedAndChangesNothing() {
        TestDevice mine = newDevice();
        TestDevice other = newDevice();
        List<Map<String, Object>> batch = greens(2);
        assertThat(tree(pushVerdicts(mine, batch)).get("accepted").asInt()).isEqualTo(2);

        var answer = tree(pushVerdicts(other, batch));

        assertThat(answer.get("duplicates").asInt()).isZero();
        assertThat(answer.get("rejected")).hasSize(2);
        assertThat(storedForDevice(mine)).isEqualTo(2);
        assertThat(storedForDevice(other)).isZero();
    }
}
