package org.gateboard.cluster;

import org.gateboard.testsupport.GateClient;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.StoredVerdict;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test venue's gate device as the protocol has it behave: a batch that gets no 200 (no answer, a 502 from the
 * balancer whose node went away, a 503) is sent again, the same batch with the same ids, until it is stored.
 * Remembers every verdict id the server confirmed, to be compared with what the database holds.
 */
final class RetryingDevice {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private final ClusterApi.TestVenue venue;
    private final Set<UUID> stored = ConcurrentHashMap.newKeySet();
    final AtomicInteger sends = new AtomicInteger();
    final AtomicInteger resends = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();

    RetryingDevice(ClusterApi.TestVenue venue) {
        this.venue = venue;
    }

    /** {@code admitted} admitted verdicts, then {@code refused} refused ones (yellow code), scanned now. */
    List<StoredVerdict> batch(int admitted, int refused) {
        List<StoredVerdict> batch = new ArrayList<>();
        for (int i = 0; i < admitted + refused; i++) {
            boolean admit = i < admitted;
            batch.add(VerdictFixture.verdict(venue.id(), venue.gateId(), venue.deviceId(), Instant.now(),
                    admit ? Outcome.ADMITTED : Outcome.REFUSED, admit ? Set.of() : Set.of(RefusalReason.CODE_YELLOW),
                    PersonRole.BIDDER, 5.0, false));
        }
        return batch;
    }

    /**
     * Posts the batch to {@code baseUrl} until every verdict in it is stored (accepted now, or a duplicate of an
     * earlier sending that the server stored although its answer was lost); answers the final answer. Fails on
     * an answer the protocol does not retry (a rejected verdict, a 4xx) and after a minute without success.
     */
    GateClient.Answer deliver(String baseUrl, List<StoredVerdict> batch) throws InterruptedException {
        GateClient client = new GateClient(baseUrl, venue.token());
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        String last = "nothing";
        for (int attempt = 0; System.nanoTime() < giveUp; attempt++) {
            if (attempt > 0) {
                resends.incrementAndGet();
                Thread.sleep(200);
            }
            sends.incrementAndGet();
            GateClient.Answer answer;
            try {
                answer = client.send(batch);
            } catch (IOException noAnswer) {
                last = noAnswer.toString();
                continue;
            }
            if (attempt == 0 && answer.duplicates() > 0) {
                throw new IllegalStateException("A batch sent once was answered with duplicates: " + answer.body());
            }
            if (answer.stored(batch.size())) {
                duplicates.addAndGet(answer.duplicates());
                batch.forEach(v -> stored.add(v.id()));
                return answer;
            }
            last = answer.status() + " " + answer.body();
            if (answer.status() != 502 && answer.status() != 503 && answer.status() != 504) {
                throw new IllegalStateException("The device API answered what a device does not retry: " + last);
            }
        }
        throw new IllegalStateException("A batch was not stored within " + GIVE_UP_AFTER + "; last answer: " + last);
    }

    /** Every verdict id the server confirmed as stored. */
    Set<UUID> stored() {
        return Set.copyOf(stored);
    }
}
