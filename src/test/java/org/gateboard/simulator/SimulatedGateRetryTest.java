package org.gateboard.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated device keeps every verdict until a 200 names it, as the protocol asks of a gate: whatever
 * else the server answers (a 500 while it is dying, a 401 while it is starting), the same verdicts go again,
 * oldest first, with the same ids.
 */
class SimulatedGateRetryTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<List<UUID>> pushes = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBatchAnsweredWithAnythingButA200IsSentAgainWithTheSameIdsOldestFirst() throws Exception {
        startServer();
        answers.addAll(List.of(500, 401, 502, 200));
        List<UUID> generated = new ArrayList<>();
        List<UUID> named = new ArrayList<>();
        SimulationStats stats = new SimulationStats() {
            @Override
            void made(String gate, UUID id) {
                generated.add(id);
            }

            @Override
            void acknowledged(String gate, List<UUID> ids) {
                named.addAll(ids);
            }
        };
        SimulatedGate gate = new SimulatedGate("g", new DeviceClient(HttpClient.newHttpClient(), new ObjectMapper(),
                "http://127.0.0.1:" + server.getAddress().getPort(), "token"),
                new SimulatedGate.Settings(20, Duration.ZERO, 0, Duration.ofSeconds(1), 0, 0, Duration.ofHours(1)),
                new Random(7), stats);

        Instant t = Instant.parse("2026-11-30T02:00:00Z");
        gate.step(t, Duration.ofSeconds(1));
        gate.stopArrivals();
        for (int i = 1; i <= 4; i++) {
            gate.step(t.plusSeconds(30L * i), Duration.ZERO);
        }

        assertThat(generated).isNotEmpty();
        assertThat(pushes).hasSize(4).allSatisfy(push -> assertThat(push).isEqualTo(generated));
        assertThat(named).isEqualTo(generated);
        assertThat(gate.backlog()).isZero();
    }

    private void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/policy", exchange -> answer(exchange, 200, "{\"version\":1,"
                + "\"effectiveFrom\":\"2020-02-23T00:00:00+08:00\",\"feverThresholdC\":37.3,"
                + "\"admittedColors\":[\"GREEN\"],\"photolessRequiresIdCheck\":true,\"maskRequired\":true}"));
        server.createContext("/api/v1/heartbeat", exchange -> answer(exchange, 204, null));
        server.createContext("/api/v1/verdicts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<UUID> ids = new ArrayList<>();
            Matcher m = ID.matcher(body);
            while (m.find()) {
                ids.add(UUID.fromString(m.group(1)));
            }
            pushes.add(ids);
            int status = answers.isEmpty() ? 200 : answers.poll();
            answer(exchange, status, status == 200 ? "{\"accepted\":" + ids.size() + ",\"duplicates\":0,\"rejected\":[]}"
                    : "{\"status\":" + status + "}");
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
