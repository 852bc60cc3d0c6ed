package org.gateboard.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated gates did, for the periodic summary line: among it the verdicts they made and those a 200
 * named, whose difference is what the gates still hold. A fault campaign keeps the ids as well, to hold the
 * database to what the server acknowledged.
 */
class SimulationStats {

    private static final Logger log = LoggerFactory.getLogger(SimulationStats.class);

    final AtomicLong made = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong offline = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    private volatile long lastFailureLog;

    /** A gate made a verdict; it holds it until a 200 names it. */
    void made(String gate, UUID verdict) {
        made.incrementAndGet();
    }

    /** The verdicts of a batch the server answered 200 for (accepted, duplicate or rejected): the gate lets them go. */
    void acknowledged(String gate, List<UUID> verdicts) {
        acknowledged.addAndGet(verdicts.size());
    }

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
        return "made " + made + ", acknowledged " + acknowledged + " (accepted " + accepted + ", duplicates "
                + duplicates + ", rejected " + rejected + "), batches resent " + resent + ", offline periods "
                + offline + ", failures " + failures;
    }
}
