package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few characters of number can cost seconds of CPU (or all the memory) once arithmetic touches them:
 * {@code 1e-1000000} rounded to milliseconds divides by ten to the millionth power. Every endpoint refuses
 * such numbers before any arithmetic. No benchmark: each request simply has to be answered within the
 * client's 5 s timeout, which the unguarded code misses by far.
 */
class NumberBombTest extends DeviceApiTestSupport {

    /** Short texts that are valid JSON numbers with a scale or exponent no field can mean. */
    static final List<String> BOMBS = List.of("1e-1000000", "0e-1000000000", "1e-999999999", "-1e999999999",
            "1e1000000", "3.6e-2147483647", "37.3e-99999999");

    private final HttpClient quick = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void verdictNumbersWithAnAbsurdScaleAreRejectedPerItemAtOnce() {
        TestDevice device = newDevice();
        int stored = 0;
        for (String field : List.of("checkSeconds", "temperatureC", "policyVersion")) {
            for (String bomb : BOMBS) {
                Map<String, Object> item = green();
                item.put(field, "__bomb__");
                String body = json(Map.of("verdicts", List.of(item, green()))).replace("\"__bomb__\"", bomb);
                HttpResponse<String> r = send(HttpRequest.newBuilder(url("/api/v1/verdicts"))
                        .header("Authorization", "Bearer " + device.token())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
                assertThat(r.statusCode()).as(field + "=" + bomb + ": " + r.body()).isIn(200, 400);
                if (r.statusCode() == 400) {
                    // an exponent no decimal can hold makes the body unreadable as a whole
                    assertThat(tree(r).get("detail").asText()).contains("number");
                    continue;
                }
                JsonNode answer = tree(r);
                if (field.equals("checkSeconds") && bomb.startsWith("0e")) {
                    // zero to any scale is plain zero seconds: meaningful, and stored
                    assertThat(answer.get("accepted").asInt()).isEqualTo(2);
                    stored += 2;
                    continue;
                }
                stored++;
                assertThat(answer.get("accepted").asInt()).as(field + "=" + bomb).isEqualTo(1);
                assertThat(answer.at("/rejected/0/index").asInt()).isZero();
                assertThat(answer.at("/rejected/0/errors/0").asText()).as(field + "=" + bomb).startsWith(field + ":");
            }
        }
        assertThat(stored).isGreaterThanOrEqualTo(3 * (BOMBS.size() - 1) + 1);
        assertThat(storedForDevice(device)).isEqualTo(stored);
    }

    @Test
    void heartbeatNumbersWithAnAbsurdScaleAre400AtOnce() {
        TestDevice device = newDevice();
        for (String field : List.of("policyVersion", "backlog")) {
            for (String bomb : BOMBS) {
                String body = "{\"policyVersion\": 1, \"backlog\": 0, \"sentAt\": \"2026-01-01T00:00:00Z\"}"
                        .replace("\"" + field + "\": " + (field.equals("backlog") ? "0" : "1"),
                                "\"" + field + "\": " + bomb);
                HttpResponse<String> r = send(HttpRequest.newBuilder(url("/api/v1/heartbeat"))
                        .header("Authorization", "Bearer " + device.token())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
                assertThat(r.statusCode()).as(field + "=" + bomb).isEqualTo(400);
                assertThat(tree(r).get("detail").asText()).containsAnyOf(field, "number");
            }
        }
    }

    @Test
    void adminApiNumbersWithAnAbsurdScaleAre400AtOnce() {
        for (String bomb : BOMBS) {
            for (String path : List.of("/api/v1/admin/venues/" + bomb, "/api/v1/admin/venues/" + bomb + "/gates",
                    "/api/v1/admin/gates/" + bomb + "/devices")) {
                HttpResponse<String> r = send(admin(path).GET());
                assertThat(r.statusCode()).as(path).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("application/problem+json"));
            }
            HttpResponse<String> level = send(admin("/api/v1/admin/venues").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"NB1\",\"nameZh\":\"甲\",\"nameEn\":\"A\","
                            + "\"level\":" + bomb + "}")));
            assertThat(level.statusCode()).as("level " + bomb).isEqualTo(400);
            HttpResponse<String> rotate = send(admin("/api/v1/admin/devices/" + bomb + "/rotate")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(rotate.statusCode()).as("rotate " + bomb).isEqualTo(400);
        }
    }

    @Test
    void statsDatesBeyondTheCalendarAre400ProblemsNot500() {
        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "-0001-01-01",
                "1e-1000000", "2020-02-24" + "0".repeat(5000))) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(url("/api/v1/stats/venues?date="
                    + java.net.URLEncoder.encode(date, StandardCharsets.UTF_8)))
                    .header("Authorization", basic("official:official123")).GET());
            assertThat(r.statusCode()).as(date + ": " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(tree(r).get("detail").asText()).contains("date");
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", basic("admin:admin123"))
                .header("Accept", "application/json");
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** Within 5 s or the test fails with the client's timeout. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return quick.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("no answer within 5 s: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
