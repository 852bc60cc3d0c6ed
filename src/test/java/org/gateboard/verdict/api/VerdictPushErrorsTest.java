package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictPushErrorsTest extends DeviceApiTestSupport {

    private static final String VERDICTS = "/api/v1/verdicts";

    @Test
    void aBodyThatIsNotJsonOrNotOfTheContractShapeIs400() {
        TestDevice device = newDevice();
        for (String body : List.of("not json", "{\"verdicts\": [", "[]", "[{}]", "{}", "{\"verdicts\": {}}",
                "{\"verdicts\": []}", "{\"verdicts\": null}", "{\"verdicts\": [" + json(green()) + "]} trailing",
                "{\"verdicts\": [], \"verdicts\": []}", "", "\"just a string\"", "42")) {
            HttpResponse<String> response = post(VERDICTS, device.token(), "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertProblem(response);
        }
        assertThat(storedForDevice(device)).isZero();
    }

    @Test
    void moreThan500ItemsIs413AndNothingIsStored() {
        TestDevice device = newDevice();

        HttpResponse<String> response = pushVerdicts(device, greens(501));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(tree(response).get("detail").asText()).contains("501").contains("500");
        assertThat(storedForDevice(device)).isZero();
        assertThat(tree(pushVerdicts(device, greens(500))).get("accepted").asInt()).isEqualTo(500);
    }

    @Test
    void aBodyOver1MiBIs413EvenWithoutContentLength() {
        TestDevice device = newDevice();
        Map<String, Object> verdict = green();
        verdict.put("padding", "x".repeat(1024 * 1024));
        byte[] body = json(Map.of("verdicts", List.of(verdict))).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = post(VERDICTS, device.token(), "application/json", body);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(url(VERDICTS))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + device.token()).POST(chunked(body)).build());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertProblem(chunked);
        assertThat(storedForDevice(device)).isZero();
    }

    @Test
    void aBodyOfJustUnder1MiBIsRead() {
        TestDevice device = newDevice();
        Map<String, Object> verdict = green();
        String base = json(Map.of("verdicts", List.of(verdict)));
        verdict.put("padding", "x".repeat(1024 * 1024 - base.length() - 20));
        byte[] body = json(Map.of("verdicts", List.of(verdict))).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThanOrEqualTo(1024 * 1024);

        HttpResponse<String> response = send(HttpRequest.newBuilder(url(VERDICTS))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + device.token())
                .POST(chunked(body)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storedForDevice(device)).isEqualTo(1);
    }

    @Test
    void aContentTypeOtherThanJsonIs415() {
        TestDevice device = newDevice();
        byte[] body = json(Map.of("verdicts", greens(1))).getBytes(StandardCharsets.UTF_8);

        for (String type : new String[]{"text/plain", "application/x-www-form-urlencoded", "application/xml",
                "application/json; charset=ISO-8859-1", "*/*", "garbage/"}) {
            HttpResponse<String> response = post(VERDICTS, device.token(), type, body);
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertProblem(response);
        }
        assertThat(post(VERDICTS, device.token(), null, body).statusCode()).isEqualTo(415);
        assertThat(storedForDevice(device)).isZero();
        assertThat(post(VERDICTS, device.token(), "application/json; charset=utf-8", body).statusCode()).isEqualTo(200);
    }

    @Test
    void anItemThatIsNotAnObjectIsRejectedByIndexAndTheRestStored() {
        TestDevice device = newDevice();
        String body = "{\"verdicts\": [" + json(green()) + ", 42, \"x\", null, [], " + json(green()) + "]}";

        HttpResponse<String> response = post(VERDICTS, device.token(), "application/json",
                body.getBytes(StandardCharsets.UTF_8));

        JsonNode answer = tree(response);
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected")).extracting(r -> r.get("index").asInt()).containsExactly(1, 2, 3, 4);
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = tree(response);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
