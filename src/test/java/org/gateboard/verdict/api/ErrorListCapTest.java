package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer to a hostile batch stays small: a megabyte of {@code reasons: [0,0,0,...]} must not turn into
 * hundreds of thousands of error strings (caps in docs/device-api.md).
 */
class ErrorListCapTest extends DeviceApiTestSupport {

    @Test
    void aMegabyteOfReasonsIsOneErrorNotHalfAMillion() {
        TestDevice device = newDevice();
        Map<String, Object> item = green();
        item.put("reasons", "__zeros__");
        String body = json(Map.of("verdicts", List.of(item, green())))
                .replace("\"__zeros__\"", "[" + "0,".repeat(520_000) + "0]");
        assertThat(body.length()).isBetween(1_000_000, RequestBodies.MAX_VERDICT_BODY);

        HttpResponse<String> r = post("/api/v1/verdicts", device.token(), "application/json",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = tree(r);
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.at("/rejected/0/errors")).hasSize(1);
        assertThat(answer.at("/rejected/0/errors/0").asText()).isEqualTo(
                "reasons: must hold at most 16 entries (each refusal reason once)");
        assertThat(r.body().length()).isLessThan(1000);
    }

    @Test
    void anItemWrongInEveryFieldListsTenErrorsAndTheCountOfTheRest() {
        TestDevice device = newDevice();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> bad = new java.util.LinkedHashMap<>();
            for (String field : List.of("id", "scannedAt", "outcome", "codeColor", "channel", "photoOnCode",
                    "idChecked", "maskWorn", "personRole", "personName", "idNumber")) {
                bad.put(field, 1);
            }
            for (String field : List.of("reasons", "temperatureC", "checkSeconds", "policyVersion")) {
                bad.put(field, "x");
            }
            batch.add(bad);
        }

        HttpResponse<String> r = pushVerdicts(device, batch);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = tree(r);
        assertThat(answer.get("rejected")).hasSize(500);
        for (JsonNode rejection : answer.get("rejected")) {
            assertThat(rejection.get("errors")).hasSize(VerdictBatchParser.MAX_ERRORS_PER_ITEM);
            assertThat(rejection.at("/errors/9").asText()).matches("… and \\d+ more errors");
        }
        assertThat(storedForDevice(device)).isZero();
    }
}
