package org.gateboard.verdict.api;

import org.gateboard.testsupport.HostileInput;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile-input campaign on {@code POST /api/v1/heartbeat}: 204 or 4xx, never a stored invalid row. */
class HostileHeartbeatTest extends DeviceApiTestSupport {

    private static final List<String> FIELDS = List.of("policyVersion", "backlog", "sentAt", "unknownField");

    private final HostileInput hostile = new HostileInput(20200224);

    @Test
    void aThousandMutatedHeartbeatsNeverFailTheServerNorStoreAnInvalidContact() {
        TestDevice device = newDevice();
        int recorded = 0;
        int mutations = 0;
        while (mutations < 1_000) {
            Map<String, Object> beat = valid();
            List<Map<String, Object>> siblings = List.of(valid(), beat);
            for (int m = 0; m < 1 + hostile.random.nextInt(2); m++) {
                hostile.mutate(beat, FIELDS, siblings);
                mutations++;
            }
            byte[] body = HostileInput.rawJson(beat).getBytes(StandardCharsets.UTF_8);
            if (hostile.random.nextInt(10) == 0) {
                hostile.mutateBytes(body);
            }
            HttpResponse<String> r = hostile.send(HttpRequest.newBuilder(url("/api/v1/heartbeat"))
                    .header("Authorization", "Bearer " + device.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertThat(r.statusCode()).as(r.body()).isIn(204, 400);
            recorded += r.statusCode() == 204 ? 1 : 0;
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_contact WHERE device_id = ? AND"
                    + " (backlog < 0 OR policy_version < 1 OR last_heartbeat_at < '2020-02-22 16:00:00')",
                    Integer.class, device.deviceId())).as(new String(body, StandardCharsets.UTF_8)).isZero();
        }
        assertThat(recorded).as("some mutations stay valid").isPositive();
        hostile.report("heartbeat, " + mutations + " mutations");
    }

    private static Map<String, Object> valid() {
        Map<String, Object> beat = new LinkedHashMap<>();
        beat.put("policyVersion", 1);
        beat.put("backlog", 3);
        beat.put("sentAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).toString());
        return beat;
    }
}
