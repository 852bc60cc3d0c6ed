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

    @Test
    void aMixedBatchStoresTheValidItemsAndReportsTheOthersByIndex() {
        TestDevice device = newDevice();
        List<Map<String, Object>> batch = greens(8);
        batch.get(1).put("temperatureC", 29.9);
        batch.get(2).put("outcome", "REFUSED");
        batch.get(3).put("reasons", List.of("FEVER"));
        batch.get(4).remove("codeColor");
        batch.get(5).put("idNumber", "310104196006150012");
        batch.get(6).put("scannedAt", java.time.OffsetDateTime.now().plusMinutes(6).toString());
        batch.get(7).put("id", "not-a-uuid");
        batch.add(green());
        batch.get(8).put("personRole", "bidder");
        batch.get(8).put("maskWorn", "yes");

        JsonNode answer = tree(pushVerdicts(device, batch));

        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("duplicates").asInt()).isZero();
        JsonNode rejected = answer.get("rejected");
        assertThat(rejected).hasSize(8);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("id").asText()).isEqualTo(batch.get(1).get("id"));
        assertThat(rejected.get(0).get("errors").get(0).asText())
                .isEqualTo("temperatureC: must be a number between 30.0 and 45.0");
        assertThat(rejected.get(1).get("errors").toString()).contains("reasons: must name at least one refusal reason");
        assertThat(rejected.get(2).get("errors").toString()).contains("reasons: must be empty when outcome is ADMITTED");
        assertThat(rejected.get(3).get("errors").toString()).contains("codeColor: required unless reasons contains NO_CODE");
        assertThat(rejected.get(4).get("errors").toString()).contains("idNumber: must be an 18-character PRC resident ID")
                .doesNotContain("310104196006150012");
        assertThat(rejected.get(5).get("errors").toString()).contains("scannedAt: must not be more than 5 minutes ahead");
        assertThat(rejected.get(6).get("errors").toString()).contains("id: must be a UUID");
        assertThat(rejected.get(7).get("index").asInt()).isEqualTo(8);
        assertThat(rejected.get(7).get("errors")).hasSize(2);
        assertThat(storedForDevice(device)).isEqualTo(1);
        assertThat(storedCount((String) batch.get(0).get("id"))).isEqualTo(1);
    }

    @Test
    void aRefusalWithoutCodeNeedsNeitherColourNorPhotoFlag() {
        TestDevice device = newDevice();
        Map<String, Object> noCode = refused(null, "NO_CODE");
        noCode.remove("photoOnCode");
        noCode.put("channel", null);

        JsonNode answer = tree(pushVerdicts(device, List.of(noCode)));

        assertThat(answer.get("accepted").asInt()).as(answer.toString()).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT code_color, photo_on_code, reasons, non_conforming"
                + " FROM verdict WHERE id = ?", idBytes((String) noCode.get("id")));
        assertThat(row.get("code_color")).isNull();
        assertThat(row.get("photo_on_code")).isNull();
        assertThat(row.get("reasons")).isEqualTo("NO_CODE");
        assertThat(row.get("non_conforming")).isEqualTo(false);
    }

    @Test
    void theIdNumberIsKeptOnlyMaskedAndAsAKeyedHash() throws Exception {
        TestDevice device = newDevice();
        String number = validIdNumber();
        Map<String, Object> verdict = green();
        verdict.put("idNumber", number);

        assertThat(tree(pushVerdicts(device, List.of(verdict))).get("accepted").asInt()).isEqualTo(1);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM verdict WHERE id = ?", idBytes((String) verdict.get("id")));
        assertThat(row.get("id_number_masked")).isEqualTo(number.substring(0, 3) + "***********" + number.substring(14));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                "gateboard-demo-id-hash-secret-not-for-production".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        assertThat((byte[]) row.get("id_number_hash")).isEqualTo(mac.doFinal(number.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(number.substring(6, 14)));
    }

    @Test
    void verdictsThatContradictThePolicyTheyNameAreStoredAndFlagged() {
        TestDevice device = newDevice();
        Map<String, Object> feverAdmitted = green();
        feverAdmitted.put("temperatureC", 37.3);
        Map<String, Object> redAdmitted = green();
        redAdmitted.put("codeColor", "RED");
        redAdmitted.put("maskWorn", false);
        Map<String, Object> unsupportedFever = refused("GREEN", "FEVER");
        Map<String, Object> justBelow = green();
        justBelow.put("temperatureC", 37.29);
        Map<String, Object> photolessChecked = green();
        photolessChecked.put("photoOnCode", false);
        photolessChecked.put("idChecked", true);
        Map<String, Object> photolessUnchecked = refused("GREEN", "PHOTOLESS_WITHOUT_ID");
        photolessUnchecked.put("photoOnCode", false);
        Map<String, Object> unknownVersion = green();
        unknownVersion.put("policyVersion", 987654);

        JsonNode answer = tree(pushVerdicts(device, List.of(feverAdmitted, redAdmitted, unsupportedFever, justBelow,
                photolessChecked, photolessUnchecked, unknownVersion)));

        assertThat(answer.get("accepted").asInt()).as(answer.toString()).isEqualTo(7);
        assertThat(flag(feverAdmitted)).isEqualTo("ADMITTED_FEVER");
        assertThat(flag(redAdmitted)).isEqualTo("ADMITTED_CODE_RED,ADMITTED_NO_MASK");
        assertThat(flag(unsupportedFever)).isEqualTo("UNSUPPORTED_FEVER");
        assertThat(flag(justBelow)).isNull();
        assertThat(flag(photolessChecked)).isNull();
        assertThat(flag(photolessUnchecked)).isNull();
        assertThat(flag(unknownVersion)).isEqualTo("UNKNOWN_POLICY_VERSION");
        assertThat(jdbc.queryForObject("SELECT temperature_c FROM verdict WHERE id = ?", java.math.BigDecimal.class,
                idBytes((String) justBelow.get("id")))).isEqualByComparingTo("37.2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verdict WHERE device_id = ? AND non_conforming",
                Integer.class, device.deviceId())).isEqualTo(4);
    }

    private String flag(Map<String, Object> verdict) {
        return jdbc.queryForObject("SELECT non_conformance FROM verdict WHERE id = ?", String.class,
                idBytes((String) verdict.get("id")));
    }

    @Test
    void theSameIdTwiceInOneRequestIsStoredOnceAndCountedAsDuplicate() {
        TestDevice device = newDevice();
        Map<String, Object> verdict = green();

        JsonNode answer = tree(pushVerdicts(device, List.of(verdict, new java.util.HashMap<>(verdict))));

        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("duplicates").asInt()).isEqualTo(1);
        assertThat(storedCount((String) verdict.get("id"))).isEqualTo(1);
    }

    @Test
    void acceptedDuplicateAndRejectedVerdictsAreCountedPerVenue() {
        TestDevice device = newDevice("MH");
        double accepted = count("accepted");
        double duplicate = count("duplicate");
        double rejected = count("rejected");
        List<Map<String, Object>> batch = greens(3);
        batch.add(batch.get(0));
        Map<String, Object> bad = green();
        bad.put("maskWorn", null);
        batch.add(bad);

        pushVerdicts(device, batch);

        assertThat(count("accepted") - accepted).isEqualTo(3);
        assertThat(count("duplicate") - duplicate).isEqualTo(1);
        assertThat(count("rejected") - rejected).isEqualTo(1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    private double count(String result) {
        var counter = meters.find("gateboard.verdicts").tag("venue", "MH").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
