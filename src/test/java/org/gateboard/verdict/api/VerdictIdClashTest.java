package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency key is global, so a second device sending an id the first already stored must not be
 * told "duplicate" (it would then drop a verdict that was never stored): the item is rejected, and the
 * clash is on record for officials.
 */
class VerdictIdClashTest extends DeviceApiTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void anIdAnotherDeviceStoredIsRejectedAndRecordedNotCountedAsDuplicate() {
        TestDevice a = newDevice();
        TestDevice b = newDevice("PD");
        Map<String, Object> verdict = green();
        assertThat(tree(pushVerdicts(a, List.of(verdict))).get("accepted").asInt()).isEqualTo(1);
        double clashesBefore = clashCount();

        Map<String, Object> own = green();
        JsonNode answer = tree(pushVerdicts(b, List.of(own, verdict, verdict)));

        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("duplicates").asInt()).isZero();
        assertThat(answer.get("rejected")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode rejection = answer.get("rejected").get(i);
            assertThat(rejection.get("index").asInt()).isEqualTo(i + 1);
            assertThat(rejection.get("id").asText()).isEqualTo(verdict.get("id"));
            assertThat(rejection.at("/errors/0").asText()).startsWith("id: already used by another device");
        }
        assertThat(storedForDevice(b)).isEqualTo(1);
        assertThat(clashCount()).isEqualTo(clashesBefore + 1);
        Map<String, Object> row = jdbc.queryForMap("SELECT device_id, venue_id, gate_id, stored_device_id, attempts"
                + " FROM verdict_id_clash WHERE verdict_id = ?", idBytes((String) verdict.get("id")));
        assertThat(row).containsEntry("device_id", b.deviceId()).containsEntry("venue_id", b.venueId())
                .containsEntry("gate_id", b.gateId()).containsEntry("stored_device_id", a.deviceId())
                .containsEntry("attempts", 1);

        // the same device sending again is told the same and the record counts the attempt
        JsonNode again = tree(pushVerdicts(b, List.of(verdict)));
        assertThat(again.get("rejected")).hasSize(1);
        assertThat(again.get("duplicates").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT attempts FROM verdict_id_clash WHERE verdict_id = ?", Integer.class,
                idBytes((String) verdict.get("id")))).isEqualTo(2);
    }

    @Test
    void aResendByTheDeviceThatStoredItStaysAPlainDuplicate() {
        TestDevice a = newDevice();
        Map<String, Object> verdict = green();
        assertThat(tree(pushVerdicts(a, List.of(verdict))).get("accepted").asInt()).isEqualTo(1);

        JsonNode answer = tree(pushVerdicts(a, List.of(verdict, verdict)));

        assertThat(answer.get("accepted").asInt()).isZero();
        assertThat(answer.get("duplicates").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verdict_id_clash WHERE verdict_id = ?", Integer.class,
                idBytes((String) verdict.get("id")))).isZero();
        assertThat(storedCount((String) verdict.get("id"))).isEqualTo(1);
    }

    private double clashCount() {
        var counter = meters.find("gateboard.verdicts.id.clashes").counter();
        return counter == null ? 0 : counter.count();
    }
}
