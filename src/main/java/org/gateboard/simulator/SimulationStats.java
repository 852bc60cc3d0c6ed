package org.gateboard.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulated gates did, for the periodic summary line. */
final class SimulationStats {

    private static final Logger log = LoggerFactory.getLogger(SimulationStats.class);

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong offline = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    private volatile long lastFailureLog;

    void pushed(int accepted, int duplicates, int rejected) {
        this.accepted.addAndGet(accepted);
        this.duplicates.addAndGet(duplicates);
        this.rejected.addAndGet(rejected);
    }

    void resent(String gate) {
        resent.incrementAndGet();
    }

    void offline(String gate) {
        offline.incrementAndGet();
        log.debug("{} goes offline", gate);
    }

    void failure(String gate, String what) {
        failures.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now - lastFailureLog > 10_000) {
            lastFailureLog = now;
            log.warn("Simulated gate {}: {}", gate, what);
        }
    }

    String summary() {
        return "accepted " + accepted + ", duplicates " + duplicates + ", rejected " + rejected + ", batches resent "
                + resent + ", offline periods " + offline + ", failures " + failures;
    }
}
