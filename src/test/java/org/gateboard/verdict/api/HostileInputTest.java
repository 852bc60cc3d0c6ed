package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.gateboard.testsupport.HostileInput;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input: whatever a device (or an attacker holding a token) sends, the server answers
 * with a 4xx or a 200 that lists what it refused, never a 5xx, and never stores a row that breaks the
 * contract's rules.
 */
class HostileInputTest extends DeviceApiTestSupport {

    private static final String VERDICTS = "/api/v1/verdicts";
    private static final List<String> FIELDS = List.of("id", "scannedAt", "outcome", "reasons", "codeColor", "channel",
            "photoOnCode", "idChecked", "maskWorn", "temperatureC", "personRole", "personName", "idNumber",
            "checkSeconds", "policyVersion", "unknownField");

    private final HostileInput hostile = new HostileInput(20200223);
    private final Random random = hostile.random;

    @Test
    void randomBytesAreAnswered4xx() {
        TestDevice device = newDevice();
        for (int i = 0; i < 300; i++) {
            byte[] body = new byte[random.nextInt(2000)];
            random.nextBytes(body);
            if (i % 3 == 0) {
                byte[] prefix = "{\"verdicts\": [{\"id\": \"".getBytes(StandardCharsets.UTF_8);
                System.arraycopy(prefix, 0, body, 0, Math.min(prefix.length, body.length));
            }
            HttpResponse<String> response = post(VERDICTS, device.token(), "application/json", body);
            assertThat(response.statusCode()).as("random body %d", i).isBetween(400, 499);
        }
        assertThat(storedForDevice(device)).isZero();
    }

    @Test
    void deeplyNestedJsonIsRefusedWithout5xx() {
        TestDevice device = newDevice();
        List<String> bodies = List.of("[".repeat(100_000), "{\"verdicts\":" + "[".repeat(50_000),
                "{\"verdicts\": [{\"id\": " + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}]}",
                "{\"verdicts\": [" + "[".repeat(1000) + "]".repeat(1000) + "]}");
        for (String body : bodies) {
            HttpResponse<String> response = post(VERDICTS, device.token(), "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(400);
        }
        assertThat(storedForDevice(device)).isZero();
    }

    @Test
    void hugeNumbersAndWrongTypesAreRejectedPerItem() {
        TestDevice device = newDevice();
        int requests = 0;
        for (String field : FIELDS) {
            if (field.equals("unknownField")) {
                continue;
            }
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Object value : hostile.hostileValues()) {
                Map<String, Object> v = green();
                v.put(field, value);
                batch.add(v);
            }
            HttpResponse<String> response = postRaw(device, batch);
            requests++;
            assertThat(response.statusCode()).as(field + ": " + response.body()).isIn(200, 400, 413);
        }
        assertThat(requests).isEqualTo(FIELDS.size() - 1);
        assertNoInvalidRowStored(device);
    }

    @Test
    void tenThousandRandomMutationsOfAValidBatchNeverFailTheServerNorStoreAnInvalidRow() {
        TestDevice device = newDevice();
        int mutations = 0;
        int accepted = 0;
        int textMutations = 0;
        while (mutations < 10_000) {
            List<Map<String, Object>> batch = greens(10);
            for (Map<String, Object> v : batch) {
                int n = 1 + random.nextInt(3);
                for (int m = 0; m < n; m++) {
                    hostile.mutate(v, FIELDS, batch);
                    mutations++;
                }
            }
            HttpResponse<String> response;
            byte[] text = rawJson(batch).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0) {
                hostile.mutateBytes(text);
                textMutations++;
            }
            // timed, and failed on a 5xx, by the engine
            response = hostile.send(HttpRequest.newBuilder(url(VERDICTS)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + device.token()).POST(HttpRequest.BodyPublishers.ofByteArray(text)));
            if (response.statusCode() == 200) {
                JsonNode answer = tree(response);
                accepted += answer.get("accepted").asInt();
                assertThat(answer.get("accepted").asInt() + answer.get("duplicates").asInt()
                        + answer.get("rejected").size()).isEqualTo(batch.size());
            }
        }
        assertThat(textMutations).isPositive();
        assertThat(accepted).as("some mutations stay valid").isPositive();
        assertThat(storedForDevice(device)).isEqualTo(accepted);
        assertNoInvalidRowStored(device);
        hostile.report("verdicts, " + mutations + " mutations");
    }

    private static String rawJson(List<Map<String, Object>> batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdicts", batch);
        return HostileInput.rawJson(body);
    }

    private HttpResponse<String> postRaw(TestDevice device, List<Map<String, Object>> batch) {
        return post(VERDICTS, device.token(), "application/json", rawJson(batch).getBytes(StandardCharsets.UTF_8));
    }

    private void assertNoInvalidRowStored(TestDevice device) {
        String reason = "(CODE_RED|CODE_YELLOW|NO_CODE|PHOTOLESS_WITHOUT_ID|NO_MASK|FEVER)";
        Integer invalid = jdbc.queryForObject("SELECT COUNT(*) FROM verdict WHERE device_id = ? AND ("
                + " outcome NOT IN ('ADMITTED', 'REFUSED')"
                + " OR (outcome = 'ADMITTED') <> (reasons = '')"
                + " OR reasons NOT REGEXP '^(" + reason + "(,|$))*$'"
                + " OR (code_color IS NULL AND FIND_IN_SET('NO_CODE', reasons) = 0)"
                + " OR code_color NOT IN ('GREEN', 'YELLOW', 'RED')"
                + " OR channel NOT IN ('APP', 'ALIPAY', 'WECHAT', 'HEALTH_CLOUD')"
                + " OR (photo_on_code IS NULL AND FIND_IN_SET('NO_CODE', reasons) = 0)"
                + " OR temperature_c NOT BETWEEN 30.0 AND 45.0"
                + " OR person_role NOT IN ('TENDERER', 'AGENT', 'BIDDER', 'EXPERT', 'SUPERVISOR', 'STAFF', 'OTHER')"
                + " OR CHAR_LENGTH(person_name) > 64 OR person_name = '' OR person_name REGEXP '[[:cntrl:]]'"
                + " OR id_number_masked NOT REGEXP '^[0-9]{3}[*]{11}[0-9]{3}[0-9X]$'"
                + " OR (id_number_masked IS NULL) <> (id_number_hash IS NULL)"
                + " OR check_ms NOT BETWEEN 0 AND 3600000"
                + " OR policy_version < 1"
                + " OR scanned_at > received_at + INTERVAL 5 MINUTE"
                + " OR scanned_at < '2020-02-22 16:00:00')", Integer.class, device.deviceId());
        assertThat(invalid).isZero();
    }
}
