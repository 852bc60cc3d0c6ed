package org.gateboard.poster;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The ids of venues whose printed poster is behind the published one, for the dashboards' badge. Every dashboard
 * update asks for it, so it is kept: forgotten when a publication or print commits on this node, and after
 * 30 seconds in any case (another node may have printed).
 */
@Component
class OutdatedVenues {

    private static final long MAX_AGE_MS = 30_000;

    private record Snapshot(long atMs, long generation, Set<Long> ids) {
    }

    private final PosterStore store;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    /** Moves on with every committed change, so a snapshot read while a change committed is not kept. */
    private final AtomicLong generation = new AtomicLong();

    OutdatedVenues(PosterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Set<Long> ids() {
        Snapshot s = snapshot.get();
        long now = clock.millis();
        long current = generation.get();
        if (s == null || s.generation() != current || now - s.atMs() > MAX_AGE_MS || now < s.atMs()) {
            s = new Snapshot(now, current, compute());
            snapshot.set(s);
        }
        return s.ids();
    }

    /** Call inside the transaction that publishes or prints: forgets the ids once it commits. */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    private Set<Long> compute() {
        Map<Long, Integer> printed = store.printedVersions();
        return store.publishedVersions().entrySet().stream()
                .filter(e -> printed.getOrDefault(e.getKey(), 0) < e.getValue())
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }
}
