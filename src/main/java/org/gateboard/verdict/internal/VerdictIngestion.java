package org.gateboard.verdict.internal;

import org.gateboard.policy.EffectivePolicy;
import org.gateboard.policy.PolicyService;
import org.gateboard.venue.DeviceIdentity;
import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.VerdictsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a device's validated verdicts: re-checks each against the policy version it names, keeps only a
 * mask and a keyed hash of ID numbers, inserts the batch in one statement and, in the same transaction,
 * publishes {@link VerdictsStored} with the verdicts that were new. Listeners receive it once the batch has
 * committed, never for a batch rolled back: they use {@code @ApplicationModuleListener}.
 */
@Service
public class VerdictIngestion {

    /**
     * What happened to a request's valid verdicts. {@code clashed}: ids another device already stored; those
     * items were not stored and are neither accepted nor duplicates (the caller reports them as rejected).
     */
    public record Receipt(int accepted, int duplicates, Set<UUID> clashed) {
    }

    private final PolicyService policies;
    private final ResidentIds residentIds;
    private static final Logger log = LoggerFactory.getLogger(VerdictIngestion.class);

    private final VerdictStore store;
    private final CommitOrder order;
    private final ApplicationEventPublisher events;
    private final IngestionMetrics metrics;
    private final VerdictIdClashes clashes;
    private final Clock clock;

    VerdictIngestion(VerdictStore store, CommitOrder order, PolicyService policies, ResidentIds residentIds,
                     ApplicationEventPublisher events, IngestionMetrics metrics, VerdictIdClashes clashes, Clock clock) {
        this.store = store;
        this.order = order;
        this.clashes = clashes;
        this.policies = policies;
        this.residentIds = residentIds;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Stores what is not stored yet; returns once it is durable. {@code rejected} is only counted. Throws a
     * {@link org.springframework.dao.DataAccessException} when the database cannot take them: then nothing
     * of this request was stored. Once they are committed it returns normally, whatever fails after.
     */
    public Receipt ingest(DeviceIdentity device, List<IncomingVerdict> verdicts, int rejected) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<VerdictRow> rows = new ArrayList<>(verdicts.size());
        Set<UUID> seen = new HashSet<>(verdicts.size() * 2);
        for (IncomingVerdict v : verdicts) {
            // the same id twice in one request: the first one counts, as if the second came later
            if (seen.add(v.id())) {
                rows.add(row(device, v, receivedAt));
            }
        }
        // a fixed order on the unique key keeps concurrent overlapping batches from deadlocking
        rows.sort(Comparator.comparing(r -> r.verdict().id()));
        VerdictStore.Inserted committed = order.commit(
                () -> store.insertNew(rows, device.deviceId(), ids -> announce(rows, ids)));
        Set<UUID> inserted = committed.ids();
        // the idempotency key is global: an id stored by another device is not this device's verdict
        Map<UUID, Long> others = committed.storedByOthers();
        int clashedItems = 0;
        if (!others.isEmpty()) {
            for (IncomingVerdict v : verdicts) {
                clashedItems += others.containsKey(v.id()) ? 1 : 0;
            }
        }
        Receipt receipt = new Receipt(inserted.size(), verdicts.size() - inserted.size() - clashedItems,
                others.keySet());
        afterCommit(device, committed, receipt, rejected + clashedItems, receivedAt);
        return receipt;
    }

    /**
     * Publishes the batch's new verdicts, numbered in commit order ({@link CommitOrder}), inside its
     * transaction: one event per batch, however many verdicts it holds.
     */
    private void announce(List<VerdictRow> rows, Set<UUID> inserted) {
        List<StoredVerdict> stored = new ArrayList<>(inserted.size());
        for (VerdictRow r : rows) {
            if (inserted.contains(r.verdict().id())) {
                stored.add(stored(r));
            }
        }
        events.publishEvent(new VerdictsStored(order.next(), List.copyOf(stored)));
    }

    /**
     * Records what a committed batch clashed with and counts it. Nothing here may fail the request: the
     * verdicts are stored, and an error answer would tell the device otherwise (it would send them again, as
     * duplicates).
     */
    private void afterCommit(DeviceIdentity device, VerdictStore.Inserted committed, Receipt receipt, int rejected,
                             Instant receivedAt) {
        if (!committed.storedByOthers().isEmpty()) {
            clashes.record(device, committed.storedByOthers(), receivedAt);
        }
        try {
            metrics.record(device.venueId(), receipt.accepted(), receipt.duplicates(), rejected);
        } catch (RuntimeException e) {
            log.warn("Verdicts stored but not counted in the metrics", e);
        }
    }

    private VerdictRow row(DeviceIdentity device, IncomingVerdict v, Instant receivedAt) {
        EffectivePolicy policy = policies.version(v.policyVersion()).orElse(null);
        List<String> broken = PolicyConformance.brokenRules(v, policy, device.venueId());
        String masked = v.idNumber() == null ? null : ResidentIds.mask(v.idNumber());
        byte[] hash = v.idNumber() == null ? null : residentIds.hash(v.idNumber());
        IncomingVerdict truncated = v.scannedAt().getNano() % 1_000_000 == 0 ? v : withMillis(v);
        return new VerdictRow(truncated, device, receivedAt, masked, hash,
                broken.isEmpty() ? null : String.join(",", broken));
    }

    /** The table keeps milliseconds; so does the event, so that both tell the same time. */
    private static IncomingVerdict withMillis(IncomingVerdict v) {
        return new IncomingVerdict(v.id(), v.scannedAt().truncatedTo(ChronoUnit.MILLIS), v.outcome(), v.reasons(),
                v.codeColor(), v.channel(), v.photoOnCode(), v.idChecked(), v.maskWorn(), v.temperatureC(),
                v.personRole(), v.personName(), v.idNumber(), v.checkMillis(), v.policyVersion());
    }

    private static StoredVerdict stored(VerdictRow r) {
        IncomingVerdict v = r.verdict();
        return new StoredVerdict(v.id(), r.device().venueId(), r.device().gateId(), r.device().deviceId(),
                v.scannedAt(), v.outcome(), Set.copyOf(v.reasons()), v.personRole(), v.channel(),
                v.checkMillis() == null ? null : v.checkMillis() / 1000.0, r.nonConforming());
    }
}
