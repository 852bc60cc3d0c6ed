package org.gateboard.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gateboard.testsupport.AsyncListeners;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.PostingVenue;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.VerdictsStored;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live counts heal: a batch the listener failed on is recounted from the database at once, and a
 * recount racing devices' posts neither loses nor doubles a verdict. The periodic recount is off in tests
 * (an hour), so every recount here is one the test or the listener asked for.
 */
class CountsHealTest extends HttpTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    MeterRegistry meters;
    @Autowired
    LiveCounters counters;
    @Autowired
    AsyncListeners listeners;

    @Test
    void aBatchTheListenerFailedOnIsRecountedFromTheDatabaseAtOnce() throws Exception {
        PostingVenue v = PostingVenue.create(context, baseUrl(), 1);
        VerdictFixture fixture = new VerdictFixture(context);
        List<StoredVerdict> stored = v.batch(0, 5);
        fixture.insertOnly(stored);
        Timer recounts = meters.timer("gateboard.live.recounts");
        long before = recounts.count();
        // the first verdict is counted, then the listener fails on the second (it has no scan time)
        StoredVerdict first = stored.get(0);
        StoredVerdict broken = new StoredVerdict(stored.get(1).id(), first.venueId(), first.gateId(), first.deviceId(),
                null, first.outcome(), first.reasons(), first.personRole(), first.channel(), first.checkSeconds(),
                false);

        fixture.publish(new VerdictsStored(0, List.of(first, broken)));

        awaitAtLeast(recounts::count, before + 1);
        v.awaitAdmittedToday(baseUrl(), 5);
    }

    @Test
    void aRecountWhileDevicesPostNeitherLosesNorDoublesAVerdict() throws Exception {
        PostingVenue v = PostingVenue.create(context, baseUrl(), 4);
        Timer recounts = meters.timer("gateboard.live.recounts");
        long recountsBefore = recounts.count();
        ExecutorService devices = Executors.newFixedThreadPool(4);
        List<Future<?>> posting = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            int gate = g;
            posting.add(devices.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    if (i == 12) {
                        // half-way, until two recounts have run: on a fast machine the posts could otherwise all
                        // be done within the first recount, and none would fall between two
                        awaitAtLeast(recounts::count, recountsBefore + 2);
                    }
                    v.gates().get(gate).post(v.batch(gate, 20));
                }
                return null;
            }));
        }
        while (posting.stream().anyMatch(f -> !f.isDone())) {
            long before = recounts.count();
            counters.requestRecount();
            awaitAtLeast(recounts::count, before + 1);
        }
        devices.shutdown();
        for (Future<?> f : posting) {
            f.get();
        }
        assertThat(recounts.count() - recountsBefore).as("recounts ran while devices posted").isGreaterThan(1);

        listeners.awaitIdle();
        assertThat(v.admittedToday(baseUrl())).isEqualTo(4 * 25 * 20);
        long before = recounts.count();
        counters.requestRecount();
        awaitAtLeast(recounts::count, before + 1);
        assertThat(v.admittedToday(baseUrl())).isEqualTo(4 * 25 * 20);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void awaitAtLeast(LongSupplier value, long n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (value.getAsLong() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(value.getAsLong()).isGreaterThanOrEqualTo(n);
    }
}
