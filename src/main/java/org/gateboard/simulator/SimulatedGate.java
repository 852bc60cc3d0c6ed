package org.gateboard.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One gate device: people arrive, the device decides under the policy it holds and keeps the verdicts
 * until the server has them. Now and then it goes offline and piles up a backlog, which it sends oldest
 * first when it is back; now and then an answer is "lost" and it sends the same batch again.
 */
final class SimulatedGate {

    /** What the simulation of all gates does; rates are per gate. */
    record Settings(double verdictsPerSecond, Duration sendEvery, double offlineChancePerMinute,
                    Duration maxOffline, double lostAnswerChance, double gateErrorRate, Duration heartbeatEvery) {
    }

    /** Bad JSON or shape, too large, not JSON: the same batch would get the same answer. */
    private static final Set<Integer> UNFIXABLE = Set.of(400, 413, 415);

    private final String name;
    private final DeviceClient client;
    private final Settings settings;
    private final Random random;
    private final Crowd crowd;
    private final Deque<SimulatedVerdict> backlog = new ArrayDeque<>();
    private final SimulationStats stats;

    private DeviceClient.HeldPolicy policy;
    private Instant offlineUntil = Instant.MIN;
    private Instant nextSend = Instant.MIN;
    private Instant nextHeartbeat = Instant.MIN;
    private Instant nextPolicyCheck = Instant.MIN;
    private double arrivalDebt;
    private volatile boolean arriving = true;

    SimulatedGate(String name, DeviceClient client, Settings settings, Random random, SimulationStats stats) {
        this.name = name;
        this.client = client;
        this.settings = settings;
        this.random = random;
        this.crowd = new Crowd(random, settings.gateErrorRate());
        this.stats = stats;
    }

    /** Advances the gate to {@code now}: arrivals since the last step, then whatever the device would send. */
    void step(Instant now, Duration elapsed) throws InterruptedException {
        try {
            if (policy == null || !now.isBefore(nextPolicyCheck)) {
                if (isOnline(now)) {
                    policy = client.policy(policy);
                    nextPolicyCheck = now.plusSeconds(60);
                }
            }
        } catch (IOException e) {
            stats.failure(name, "policy: " + e);
            nextPolicyCheck = now.plusSeconds(10);
        }
        if (policy == null) {
            return;
        }
        if (arriving) {
            arrivalDebt += settings.verdictsPerSecond() * Crowd.peakFactor(now) * elapsed.toMillis() / 1000.0;
        }
        while (arrivalDebt >= 1 || arrivalDebt > 0 && random.nextDouble() < arrivalDebt) {
            Instant at = now.minusMillis(random.nextInt((int) Math.max(1, elapsed.toMillis())));
            SimulatedVerdict verdict = crowd.next(at, policy.params(), policy.version());
            backlog.addLast(verdict);
            stats.made(name, verdict.id());
            arrivalDebt -= 1;
        }
        arrivalDebt = Math.max(arrivalDebt, 0);
        if (isOnline(now) && random.nextDouble() < settings.offlineChancePerMinute() * elapsed.toMillis() / 60_000.0) {
            offlineUntil = now.plusMillis(1000 + (long) (random.nextDouble() * settings.maxOffline().toMillis()));
            stats.offline(name);
        }
        if (!isOnline(now)) {
            return;
        }
        if (!now.isBefore(nextHeartbeat)) {
            heartbeat(now);
        }
        if (!backlog.isEmpty() && !now.isBefore(nextSend)) {
            sendBacklog(now);
        }
    }

    /** Nobody arrives any more; the gate still sends what it holds. */
    void stopArrivals() {
        arriving = false;
        arrivalDebt = 0;
    }

    /** Verdicts made and not yet named by a 200. */
    int backlog() {
        return backlog.size();
    }

    private boolean isOnline(Instant now) {
        return !now.isBefore(offlineUntil);
    }

    private void heartbeat(Instant now) throws InterruptedException {
        try {
            client.heartbeat(policy.version(), backlog.size(), now);
            nextHeartbeat = now.plus(settings.heartbeatEvery());
        } catch (IOException e) {
            stats.failure(name, "heartbeat: " + e);
        }
    }

    /** Oldest first, at most 500 a request, until the backlog is empty or the server says wait. */
    private void sendBacklog(Instant now) throws InterruptedException {
        while (!backlog.isEmpty()) {
            List<SimulatedVerdict> batch = new ArrayList<>(Math.min(500, backlog.size()));
            for (SimulatedVerdict v : backlog) {
                if (batch.size() == 500) {
                    break;
                }
                batch.add(v);
            }
            String body = VerdictJson.batch(batch);
            try {
                DeviceClient.PushAnswer answer = client.push(body);
                if (answer.status() == 200 && random.nextDouble() < settings.lostAnswerChance()) {
                    // the answer never reached the device: it sends the very same batch again (the
                    // statistics still count what the lost answer said was stored)
                    stats.resent(name);
                    stats.pushed(answer.accepted(), 0, 0);
                    answer = client.push(body);
                }
                if (answer.status() == 200) {
                    batch.forEach(v -> backlog.pollFirst());
                    stats.acknowledged(name, batch.stream().map(SimulatedVerdict::id).toList());
                    stats.pushed(answer.accepted(), answer.duplicates(), answer.rejected());
                } else if (answer.status() == 503 || answer.status() == 429) {
                    nextSend = now.plusSeconds(Math.max(1, answer.retryAfterSeconds()));
                    stats.failure(name, "server busy (" + answer.status() + ")");
                    return;
                } else if (UNFIXABLE.contains(answer.status())) {
                    // the protocol's answers to a malformed request, which sending again cannot fix: keep
                    // nothing that would block the queue
                    batch.forEach(v -> backlog.pollFirst());
                    stats.failure(name, "push answered " + answer.status());
                } else {
                    // anything else (a server dying or starting, a token refused for now) names no verdict:
                    // keep them all and send them again later, oldest first, with the same ids
                    nextSend = now.plusSeconds(2 + random.nextInt(5));
                    stats.failure(name, "push answered " + answer.status());
                    return;
                }
            } catch (IOException e) {
                nextSend = now.plusSeconds(2 + random.nextInt(5));
                stats.failure(name, "push: " + e);
                return;
            }
        }
        nextSend = now.plus(settings.sendEvery());
    }
}
