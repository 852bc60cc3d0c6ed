package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input: whatever a device (or an attacker holding a token) sends, the server answers
 * with a 4xx or a 200 that lists what it refused, never a 5xx, and never stores a row that breaks the
 * contract's rules.
 */
class HostileInputTest extends DeviceApiTestSupport {

    private static final String VERDICTS = "/api/v1/verdicts";
    private static final String RAW = "__raw__";
    private static final List<String> FIELDS = List.of("id", "scannedAt", "outcome", "reasons", "codeColor", "channel",
            "photoOnCode", "idChecked", "maskWorn", "temperatureC", "personRole", "personName", "idNumber",
            "checkSeconds", "policyVersion", "unknownField");

    private final Random random = new Random(20200223);

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
        List<Object> hostile = hostileValues();
        int requests = 0;
        for (String field : FIELDS) {
            if (field.equals("unknownField")) {
                continue;
            }
            List<Map<String, Object>> batch = new ArrayList<>();
            for (Object value : hostile) {
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
        List<Object> hostile = hostileValues();
        int mutations = 0;
        int accepted = 0;
        int textMutations = 0;
        while (mutations < 10_000) {
            List<Map<String, Object>> batch = greens(10);
            for (Map<String, Object> v : batch) {
                int n = 1 + random.nextInt(3);
                for (int m = 0; m < n; m++) {
                    mutate(v, batch, hostile);
                    mutations++;
                }
            }
            HttpResponse<String> response;
            if (random.nextInt(10) == 0) {
                byte[] text = rawJson(batch).getBytes(StandardCharsets.UTF_8);
                mutateBytes(text);
                response = post(VERDICTS, device.token(), "application/json", text);
                textMutations++;
            } else {
                response = postRaw(device, batch);
            }
            assertThat(response.statusCode()).as(response.body()).isLessThan(500);
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
    }

    private void mutate(Map<String, Object> v, List<Map<String, Object>> batch, List<Object> hostile) {
        String field = FIELDS.get(random.nextInt(FIELDS.size()));
        switch (random.nextInt(6)) {
            case 0 -> v.remove(field);
            case 1 -> v.put(field, batch.get(random.nextInt(batch.size())).get(FIELDS.get(random.nextInt(FIELDS.size()))));
            case 2 -> v.put("id", batch.get(random.nextInt(batch.size())).get("id"));
            case 3 -> {
                Object current = v.get(field);
                if (current instanceof String s && !s.isEmpty()) {
                    StringBuilder b = new StringBuilder(s);
                    b.setCharAt(random.nextInt(b.length()), (char) (32 + random.nextInt(0x3000)));
                    v.put(field, b.toString());
                } else {
                    v.put(field, hostile.get(random.nextInt(hostile.size())));
                }
            }
            default -> v.put(field, hostile.get(random.nextInt(hostile.size())));
        }
    }

    private void mutateBytes(byte[] text) {
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            text[random.nextInt(text.length)] = (byte) random.nextInt(256);
        }
    }

    private List<Object> hostileValues() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        values.add(true);
        values.add(false);
        values.add(0);
        values.add(-1);
        values.add(1);
        values.add(Integer.MAX_VALUE);
        values.add(Long.MIN_VALUE);
        values.add(37.3);
        values.add(45.0000001);
        values.add(29.99999999);
        values.add(3600.0004);
        values.add(RAW + "1e999999999");
        values.add(RAW + "-1e999999999");
        values.add(RAW + "1e-999999999");
        values.add(RAW + "123456789012345678901234567890");
        values.add(RAW + "37.3000000000000000000000000000000000001");
        values.add(RAW + "-0");
        values.add("");
        values.add(" ");
        values.add("NaN");
        values.add("37.5");
        values.add("x".repeat(65));
        values.add("名".repeat(64));
        values.add("名".repeat(65));
        values.add("😷".repeat(64));
        values.add("\u0000");
        values.add("a\u0007b");
        values.add("\uD800");
        values.add("'; DROP TABLE verdict; --");
        values.add("green");
        values.add("GREEN");
        values.add("RED");
        values.add("ADMITTED");
        values.add("REFUSED");
        values.add("NO_CODE");
        values.add("BIDDER");
        values.add("HEALTH_CLOUD");
        values.add(validIdNumber());
        values.add(validIdNumber().toLowerCase().replace('x', 'x'));
        values.add("31010419600615001X");
        values.add("310104196006150012");
        values.add("3101041960061500１X");
        values.add(UUID.randomUUID().toString().toUpperCase());
        values.add("00000000-0000-0000-0000-000000000000");
        values.add("1-1-1-1-1");
        values.add("2020-02-22T15:59:59.999Z");
        values.add("2020-02-23T00:00:00+08:00");
        values.add("9999-12-31T23:59:59Z");
        values.add("+999999999-12-31T23:59:59Z");
        values.add("2024-13-01T00:00:00Z");
        values.add("2024-01-01T00:00:00");
        values.add("2024-01-01T00:00:00.123456789+14:00");
        values.add(List.of());
        values.add(List.of("FEVER", "FEVER"));
        values.add(List.of("NO_CODE"));
        values.add(List.of("fever"));
        values.add(List.of(1, 2));
        values.add(List.of(List.of(List.of())));
        values.add(Map.of());
        values.add(Map.of("a", Map.of("b", 1)));
        return values;
    }

    private HttpResponse<String> postRaw(TestDevice device, List<Map<String, Object>> batch) {
        return post(VERDICTS, device.token(), "application/json", rawJson(batch).getBytes(StandardCharsets.UTF_8));
    }

    /** JSON text in which the RAW-marked strings become bare tokens (numbers no Java type can hold). */
    private static String rawJson(List<Map<String, Object>> batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdicts", batch);
        return json(body).replaceAll("\"" + RAW + "([^\"]*)\"", "$1");
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
