package org.gateboard.policy;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the two layers make one effective version per venue: the baseline in force, tightened by the venue's
 * own parameters in force. Each distinct merge gets its own version number once, and keeps it: the pair
 * (baseline version, venue change) names it. A venue whose own values add nothing to the baseline runs the
 * baseline's version itself.
 */
@Component
class PolicyLayers {

    /** A venue's policy at a moment, with the layers it came from. */
    record Resolved(EffectivePolicy effective, EffectivePolicy baseline, PolicyChange own, Instant since) {

        List<PolicyParameter> overriddenByBaseline() {
            // the venue's own value is looser than the baseline's there: the baseline's applies
            return own == null ? List.of() : own.params().looserThan(baseline.params());
        }
    }

    private final PolicyStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    PolicyLayers(PolicyStore store, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    Resolved resolve(long venueId, Instant at) {
        EffectivePolicy baseline = store.baselineAt(at)
                .orElseThrow(() -> new IllegalStateException("No baseline policy is in force at " + at));
        Optional<PolicyChange> own = store.venueChangeAt(venueId, at);
        if (own.isEmpty()) {
            return new Resolved(baseline, baseline, null, baseline.effectiveFrom());
        }
        Instant since = max(baseline.effectiveFrom(), own.get().effectiveFrom());
        PolicyParameters merged = baseline.params().strictestWith(own.get().params());
        if (merged.equals(baseline.params())) {
            return new Resolved(baseline, baseline, own.get(), since);
        }
        EffectivePolicy effective = store.derived(venueId, baseline.version(), own.get().id())
                .orElseGet(() -> derive(venueId, baseline, own.get(), merged, since));
        return new Resolved(effective, baseline, own.get(), since);
    }

    /**
     * Makes the effective versions of every venue with own parameters for now and for every scheduled
     * change, so the numbers exist (and can be listed) before they take effect.
     */
    void deriveAll(Instant now) {
        List<Instant> points = new ArrayList<>();
        points.add(now);
        points.addAll(store.changeTimesAfter(now));
        for (long venueId : store.venuesWithChanges()) {
            for (Instant at : points) {
                resolve(venueId, at);
            }
        }
    }

    private EffectivePolicy derive(long venueId, EffectivePolicy baseline, PolicyChange own, PolicyParameters merged,
                                   Instant since) {
        return tx.execute(status -> {
            store.lockVersions();
            // another node or thread may have made it while this one waited for the lock
            return store.derived(venueId, baseline.version(), own.id()).orElseGet(() -> {
                int version = store.nextVersion();
                String reason = own.reason() + " (+ baseline v" + baseline.version() + ")";
                store.insertVersion(version, venueId, baseline.version(), own.id(), merged, since,
                        reason.length() > 500 ? reason.substring(0, 500) : reason, own.createdBy(), clock.instant());
                return new EffectivePolicy(version, venueId, baseline.version(), since, merged, reason);
            });
        });
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
