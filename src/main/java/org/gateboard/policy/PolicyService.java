package org.gateboard.policy;

import com.github.benmanes.caffeine.cache.Cache;
import org.gateboard.base.Caches;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The policy in force for a venue, and any version by number. Both are asked on the hot path of verdict
 * ingestion, so answers are cached ({@code gateboard.cache.policy-*}): versions for good (they never change),
 * unknown version numbers for a minute (a device naming a version that does not exist costs one query, not one
 * per verdict), and the version in force per venue until the next scheduled change or for a short while,
 * whichever comes first (so a scheduled version takes effect at its time, and a change made on another node
 * within that delay).
 */
@Service
public class PolicyService {

    /** What is in force at a venue, and the next scheduled change (null: none) that ends it. */
    private record InForce(PolicyLayers.Resolved resolved, Instant until) {
    }

    private final PolicyStore store;
    private final PolicyLayers layers;
    private final PolicyAccess access;
    private final VenueService venues;
    private final Clock clock;
    private final Cache<Integer, EffectivePolicy> versions;
    /** Version numbers no published version has. */
    private final Cache<Integer, Boolean> unknownVersions;
    private final Cache<Long, InForce> inForce;

    PolicyService(PolicyStore store, PolicyLayers layers, PolicyAccess access, VenueService venues, Clock clock,
                  Caches caches) {
        this.store = store;
        this.layers = layers;
        this.access = access;
        this.venues = venues;
        this.clock = clock;
        this.versions = caches.build("policy-versions");
        this.unknownVersions = caches.build("policy-unknown-versions");
        this.inForce = caches.build("policy-in-force");
    }

    /**
     * The policy in force now for a venue's gates: the city baseline tightened by the venue's own parameters
     * in force, under its own version number; the baseline itself when the venue adds nothing to it.
     */
    public EffectivePolicy effectiveFor(long venueId) {
        return resolved(venueId).effective();
    }

    /** When the policy {@link #effectiveFor} answers came in force at the venue. */
    public Instant inForceSince(long venueId) {
        return resolved(venueId).since();
    }

    /** Any published version by its number, for re-checking a verdict against the version it names. */
    public Optional<EffectivePolicy> version(int version) {
        EffectivePolicy known = versions.getIfPresent(version);
        if (known != null) {
            return Optional.of(known);
        }
        if (unknownVersions.getIfPresent(version) != null) {
            return Optional.empty();
        }
        Optional<EffectivePolicy> loaded = store.publishedVersion(version);
        if (loaded.isPresent()) {
            versions.put(version, loaded.get());
            unknownVersions.invalidate(version);
        } else {
            // bounded: a device cycling through made-up numbers must not grow the heap
            unknownVersions.put(version, Boolean.TRUE);
        }
        return loaded;
    }

    /** Forgets what is in force and which numbers were unknown (not the immutable versions), after a change. */
    void forgetInForce() {
        inForce.invalidateAll();
        unknownVersions.invalidateAll();
    }

    /** Forgets a version that was withdrawn before it took effect. */
    void forgetVersion(int version) {
        versions.invalidate(version);
        forgetInForce();
    }

    /** The city baseline in force now. */
    public EffectivePolicy baseline() {
        return store.baselineAt(clock.instant())
                .orElseThrow(() -> new IllegalStateException("No baseline policy is in force"));
    }

    /**
     * One venue's policy now, when the signed-in person may see the venue: what applies, the venue's own
     * values, and where a stricter baseline overrides them (the notice for its managers).
     */
    public Optional<VenuePolicy> venuePolicy(long venueId) {
        if (!access.canSee(venueId)) {
            return Optional.empty();
        }
        return venues.venue(venueId).map(this::venuePolicy);
    }

    /** The parameters on which a stricter baseline overrides the venue's own values now; empty: no notice. */
    public List<PolicyParameter> baselineOverrides(long venueId) {
        return resolved(venueId).overriddenByBaseline();
    }

    /** Every venue the signed-in person may see, with its policy now. */
    public List<VenuePolicy> visibleVenuePolicies() {
        return venues.venues().stream().filter(v -> access.canSee(v.id())).map(this::venuePolicy).toList();
    }

    /** Pending changes and published ones still ahead, of the baseline and of the venues the person may see. */
    public List<PolicyChange> openChanges() {
        return store.openChanges(clock.instant()).stream()
                .filter(c -> c.venueId() == null || access.canSee(c.venueId())).toList();
    }

    /** One layer's changes (null: the baseline), newest first, each with its differences to the one before. */
    public List<HistoryEntry> history(Long venueId) {
        if (venueId != null && !access.canSee(venueId)) {
            throw new org.gateboard.base.UnknownRecordException("venue.error.notFound");
        }
        List<HistoryEntry> entries = new java.util.ArrayList<>();
        PolicyParameters previous = null;
        for (PolicyChange c : store.changesOf(venueId)) {
            PolicyParameters before = previous != null ? previous
                    : venueId == null ? null : store.baselineAt(c.effectiveFrom()).map(EffectivePolicy::params).orElse(null);
            entries.add(new HistoryEntry(c, before, before == null ? List.of() : c.params().differencesTo(before)));
            if (c.status() == PolicyChange.Status.PUBLISHED) {
                previous = c.params();
            }
        }
        java.util.Collections.reverse(entries);
        return entries;
    }

    /** Whether the signed-in person may change this layer (null: the baseline). */
    public boolean canEdit(Long venueId) {
        return access.canEdit(venueId);
    }

    /** Whether the signed-in person may approve this pending change: an official other than its author. */
    public boolean canApprove(PolicyChange change) {
        return change.status() == PolicyChange.Status.PENDING && access.isOfficial()
                && !access.actor().equals(change.createdBy());
    }

    private VenuePolicy venuePolicy(Venue v) {
        PolicyLayers.Resolved r = resolved(v.id());
        return new VenuePolicy(v.id(), v.code(), v.nameZh(), v.nameEn(), r.effective(),
                r.own() == null ? null : r.own().params(), r.since(), r.overriddenByBaseline());
    }

    private PolicyLayers.Resolved resolved(long venueId) {
        Instant now = clock.instant();
        InForce cached = inForce.getIfPresent(venueId);
        if (cached != null && (cached.until() == null || now.isBefore(cached.until()))) {
            return cached.resolved();
        }
        PolicyLayers.Resolved resolved = layers.resolve(venueId, now);
        versions.asMap().putIfAbsent(resolved.effective().version(), resolved.effective());
        inForce.put(venueId, new InForce(resolved, store.nextChangeAfter(now).orElse(null)));
        return resolved;
    }
}
