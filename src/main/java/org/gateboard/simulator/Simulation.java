package org.gateboard.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Plays several gate devices from one thread, stepping each every {@code tick}, until stopped or done. */
final class Simulation implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    private final List<SimulatedGate> gates = new ArrayList<>();
    private final Duration tick;
    private final Duration duration;
    private final Duration summaryEvery;
    private final Clock clock;
    final SimulationStats stats = new SimulationStats();
    private volatile boolean stopped;

    Simulation(String baseUrl, List<String> tokens, ObjectMapper json, SimulatedGate.Settings settings, long seed,
               Duration tick, Duration duration, Duration summaryEvery, Clock clock) {
        this.tick = tick;
        this.duration = duration;
        this.summaryEvery = summaryEvery;
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Random seeds = new Random(seed);
        for (int i = 0; i < tokens.size(); i++) {
            gates.add(new SimulatedGate("gate#" + (i + 1), new DeviceClient(http, json, baseUrl, tokens.get(i)),
                    settings, new Random(seeds.nextLong()), stats));
        }
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        Instant start = clock.instant();
        Instant last = start;
        Instant nextSummary = start.plus(summaryEvery);
        try {
            while (!stopped && (duration.isZero() || clock.instant().isBefore(start.plus(duration)))) {
                Instant now = clock.instant();
                Duration elapsed = Duration.between(last, now);
                last = now;
                for (SimulatedGate gate : gates) {
                    if (stopped) {
                        return;
                    }
                    gate.step(now, elapsed);
                }
                if (!now.isBefore(nextSummary)) {
                    log.info("Gate simulator ({} gates): {}", gates.size(), stats.summary());
                    nextSummary = now.plus(summaryEvery);
                }
                Thread.sleep(tick.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Gate simulator stopped", e);
        }
        log.info("Gate simulator done ({} gates): {}", gates.size(), stats.summary());
    }
}
