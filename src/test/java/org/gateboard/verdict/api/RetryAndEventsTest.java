package org.gateboard.verdict.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.gateboard.testsupport.AsyncListeners;
import org.gateboard.testsupport.VerdictEventsProbe;
import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.VerdictsStored;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAndEventsTest extends DeviceApiTestSupport {

    @Autowired
    private VerdictEventsProbe probe;
    @Autowired
    private AsyncListeners listeners;

    /** What a listener saw: the event, on which thread, and how many of its verdicts were committed then. */
    record Seen(VerdictsStored event, String thread, int visibleInDatabase) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private Runnable stopWatching;

    @BeforeEach
    void listen() {
        stopWatching = probe.watch(event -> {
            int visible = 0;
            for (StoredVerdict v : event.verdicts()) {
                visible += storedCount(v.id().toString());
            }
            seen.add(new Seen(event, Thread.currentThread().getName(), visible));
        });
    }

    @AfterEach
    void stopListening() {
        stopWatching.run();
    }

    @Test
    void aVerdictIsStoredOnceWhenTheClientDropsTheConnectionBeforeTheAnswerAndSendsAgain() throws Exception {
        TestDevice device = newDevice();
        List<Map<String, Object>> batch = greens(20);
        byte[] body = json(Map.of("verdicts", batch)).getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/verdicts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + device.token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } // closed without reading the answer, as when the network drops it
        awaitStored(device, 20);

        JsonNode retry = tree(post("/api/v1/verdicts", device.token(), "application/json", body));

        assertThat(retry.get("accepted").asInt()).isZero();
        assertThat(retry.get("duplicates").asInt()).isEqualTo(20);
        assertThat(storedForDevice(device)).isEqualTo(20);
        for (Map<String, Object> v : batch) {
            assertThat(storedCount((String) v.get("id"))).isEqualTo(1);
        }
    }

    @Test
    void aVerdictIsStoredOnceWhenTheClientTimesOutAndRetries() {
        TestDevice device = newDevice();
        List<Map<String, Object>> batch = greens(50);
        byte[] body = json(Map.of("verdicts", batch)).getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(url("/api/v1/verdicts"))
                    .timeout(attempt < 3 ? Duration.ofMillis(1) : Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + device.token())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                accepted += tree(response).get("accepted").asInt();
            } catch (HttpTimeoutException e) {
                // the device does not know whether it was stored: it sends the same batch again
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(accepted).isLessThanOrEqualTo(50);
        assertThat(storedForDevice(device)).isEqualTo(50);
    }

    @Test
    void verdictsStoredIsPublishedAfterCommitWithOnlyTheNewVerdictsAndOffTheRequestThread() throws Exception {
        TestDevice device = newDevice();
        List<Map<String, Object>> first = greens(3);
        assertThat(tree(pushVerdicts(device, first)).get("accepted").asInt()).isEqualTo(3);
        List<Map<String, Object>> second = greens(2);
        second.addAll(first);
        second.add(refused("YELLOW", "CODE_YELLOW"));

        assertThat(tree(pushVerdicts(device, second)).get("accepted").asInt()).isEqualTo(3);
        pushVerdicts(device, first); // only duplicates: no event

        listeners.awaitIdle();
        List<Seen> mine = eventsOf(device).stream()
                .sorted(Comparator.comparingLong(s -> s.event().sequence())).toList();
        assertThat(mine).hasSize(2);
        Set<UUID> firstIds = ids(first);
        assertThat(mine.get(0).event().verdicts()).extracting(StoredVerdict::id).containsExactlyInAnyOrderElementsOf(firstIds);
        Set<UUID> newInSecond = ids(second.subList(0, 2));
        newInSecond.add(UUID.fromString((String) second.get(5).get("id")));
        assertThat(mine.get(1).event().verdicts()).extracting(StoredVerdict::id).containsExactlyInAnyOrderElementsOf(newInSecond);
        for (Seen s : mine) {
            assertThat(s.visibleInDatabase()).as("committed before the event").isEqualTo(s.event().verdicts().size());
            assertThat(s.thread()).doesNotContain("http-nio").doesNotContain("exec");
        }
        StoredVerdict yellow = mine.get(1).event().verdicts().stream()
                .filter(v -> v.id().toString().equals(second.get(5).get("id"))).findFirst().orElseThrow();
        assertThat(yellow.venueId()).isEqualTo(device.venueId());
        assertThat(yellow.gateId()).isEqualTo(device.gateId());
        assertThat(yellow.reasons()).containsExactly(org.gateboard.verdict.RefusalReason.CODE_YELLOW);
        assertThat(yellow.checkSeconds()).isEqualTo(4.2);
        assertThat(yellow.nonConforming()).isFalse();
    }

    private static Set<UUID> ids(List<Map<String, Object>> verdicts) {
        return verdicts.stream().map(v -> UUID.fromString((String) v.get("id"))).collect(Collectors.toSet());
    }

    private List<Seen> eventsOf(TestDevice device) {
        return seen.stream().filter(s -> s.event().verdicts().get(0).deviceId() == device.deviceId()).toList();
    }


    private void awaitStored(TestDevice device, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (storedForDevice(device) < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(storedForDevice(device)).isEqualTo(n);
    }
}
