package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.gateboard.base.db.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DatabaseOutageTest extends DeviceApiTestSupport {

    /** The tests after this one need the database back, not only its process started. */
    @AfterEach
    void awaitDatabase() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                jdbc.queryForObject("SELECT 1", Integer.class);
                return;
            } catch (RuntimeException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    @Test
    void whileTheDatabaseIsDownVerdictsAre503WithRetryAfterAndTheRetryAfterwardsStoresThemOnce() throws Exception {
        assumeTrue(EmbeddedDatabase.isRunningHere(), "needs the embedded database, which this test stops");
        TestDevice device = newDevice();
        assertThat(pushVerdicts(device, greens(1)).statusCode()).isEqualTo(200); // token now known
        List<Map<String, Object>> batch = greens(10);

        HttpResponse<String> down;
        HttpResponse<String> heartbeat;
        EmbeddedDatabase.stop();
        try {
            down = pushVerdicts(device, batch);
            heartbeat = postJson("/api/v1/heartbeat", device.token(),
                    Map.of("policyVersion", 1, "backlog", 10, "sentAt", "2024-01-01T00:00:00Z"));
        } finally {
            EmbeddedDatabase.start();
        }

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(tree(down).get("detail").asText()).contains("nothing of this request was stored");
        assertThat(heartbeat.statusCode()).isEqualTo(503);
        assertThat(heartbeat.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> after = retryUntilUp(device, batch);
        JsonNode answer = tree(after);
        assertThat(answer.get("accepted").asInt()).isEqualTo(10);
        assertThat(storedForDevice(device)).isEqualTo(11);
    }

    @Test
    void anUnknownTokenWhileTheDatabaseIsDownIs503NotA401() {
        assumeTrue(EmbeddedDatabase.isRunningHere(), "needs the embedded database, which this test stops");
        HttpResponse<String> response;
        EmbeddedDatabase.stop();
        try {
            response = get("/api/v1/policy", "gbd_never-seen-" + System.nanoTime());
        } finally {
            EmbeddedDatabase.start();
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> retryUntilUp(TestDevice device, List<Map<String, Object>> batch) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        HttpResponse<String> response = pushVerdicts(device, batch);
        while (response.statusCode() == 503 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            response = pushVerdicts(device, batch);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
