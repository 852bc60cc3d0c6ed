package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictPushTest extends DeviceApiTestSupport {

    @Test
    void validBatchIsStoredAndCounted() {
        TestDevice device = newDevice();
        List<Map<String, Object>> batch = greens(3);
        batch.add(refused("RED", "CODE_RED"));

        HttpResponse<String> response = pushVerdicts(device, batch);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = tree(response);
        assertThat(answer.get("accepted").asInt()).isEqualTo(4);
        assertThat(answer.get("duplicates").asInt()).isZero();
        assertThat(answer.get("rejected")).isEmpty();
        assertThat(storedForDevice(device)).isEqualTo(4);
    }

    @Test
    void theSameBatchSentTwiceIsStoredOnce() {
        TestDevice device = newDevice();
        List<Map<String, Object>> batch = greens(5);

        JsonNode first = tree(pushVerdicts(device, batch));
        JsonNode second = tree(pushVerdicts(device, batch));

        assertThat(first.get("accepted").asInt()).isEqualTo(5);
        assertThat(second.get("accepted").asInt()).isZero();
        assertThat(second.get("duplicates").asInt()).isEqualTo(5);
        assertThat(storedForDevice(device)).isEqualTo(5);
    }
}
