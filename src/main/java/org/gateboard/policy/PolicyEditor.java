package org.gateboard.policy;

import org.gateboard.base.RuleViolationException;
import org.gateboard.audit.AuditService;
import org.gateboard.base.ConflictException;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.venue.VenueService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to the policy layers: publish or schedule, approve a pending loosening, cancel a scheduled
 * change, roll back. Every step is written to the audit chain in the same transaction. A baseline change
 * that loosens any parameter waits for a second official; a venue may only tighten the baseline.
 */
@Service
public class PolicyEditor {

    /** A form filled a minute ago says "now" as well: only a time clearly in the past is refused. */

    private final PolicyStore store;
    private final PolicyLayers layers;
    private final PolicyService policies;
    private final PolicyAccess access;
    private final VenueService venues;
    private final AuditService audit;
    private final Clock clock;

    PolicyEditor(PolicyStore store, PolicyLayers layers, PolicyService policies, PolicyAccess access,
                 VenueService venues, AuditService audit, Clock clock) {
        this.store = store;
        this.layers = layers;
        this.policies = policies;
        this.access = access;
        this.venues = venues;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Publishes (or schedules) a change of one layer; a baseline loosening is kept pending for approval.
     *
     * @throws AccessDeniedException  when the person may not change this layer
     * @throws UnknownRecordException when the venue does not exist or the person may not see it
     * @throws RuleViolationException          for a looser venue value, a time in the past or no reason
     */
    /**
     * Refuses before anything of a request is read when the signed-in person may not change this layer (the
     * baseline when {@code venueId} is null): someone out of scope learns nothing from validation messages.
     *
     * @throws AccessDeniedException when the person may not change this layer
     */
    public void requireMayChange(Long venueId) {
        access.requireEdit(venueId);
    }

    @Transactional
    public Submitted submit(PolicyDraft draft) {
        return submit(draft, null);
    }

    /** Makes a new version of a layer equal to an older version of it: the version's own parameters again. */
    @Transactional
    public Submitted rollBack(int version, String reason) {
        EffectivePolicy old = store.publishedVersion(version)
                .orElseThrow(() -> new UnknownRecordException("policy.error.unknownVersion", version));
        PolicyParameters params = old.isBaseline() ? old.params()
                : store.venueChangeOf(version).flatMap(store::change).map(PolicyChange::params).orElse(old.params());
        return submit(new PolicyDraft(old.venueId(), params, null, reason), version);
    }

    private Submitted submit(PolicyDraft draft, Integer restores) {
        Long venueId = draft.venueId();
        if (venueId != null && (venues.venue(venueId).isEmpty() || !access.canSee(venueId))) {
            throw new UnknownRecordException("venue.error.notFound");
        }
        access.requireEdit(venueId);
        String reason = draft.reason() == null ? "" : draft.reason().strip();
        if (reason.isEmpty() || reason.length() > PolicyDraft.MAX_REASON) {
            throw new RuleViolationException("policy.error.reason", PolicyDraft.MAX_REASON);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = draft.effectiveFrom() == null ? now : draft.effectiveFrom().truncatedTo(ChronoUnit.MILLIS);
        if (from.isBefore(now.minus(PolicyDraft.PAST_GRACE))) {
            throw new RuleViolationException("policy.error.past");
        }
        from = PolicyLayers.max(from, now);
        EffectivePolicy baseline = store.baselineAt(from)
                .orElseThrow(() -> new IllegalStateException("No baseline policy at " + draft.effectiveFrom()));
        String actor = access.actor();
        if (venueId != null) {
            List<PolicyParameter> looser = draft.params().looserThan(baseline.params());
            if (!looser.isEmpty()) {
                PolicyParameter first = looser.get(0);
                throw new RuleViolationException("policy.error.looser." + first.apiName(), display(first, baseline.params()));
            }
            long id = store.insertChange(venueId, draft.params(), from, reason, PolicyChange.Status.PUBLISHED,
                    List.of(), restores, actor, now);
            layers.deriveAll(now);
            int version = layers.resolve(venueId, from).effective().version();
            PolicyChange change = store.change(id).orElseThrow();
            audit.record("policy", id, restores == null ? "publish-venue" : "roll-back-venue", null,
                    auditView(change, version));
            afterCommit();
            return new Submitted(change, version);
        }
        List<PolicyParameter> loosens = draft.params().looserThan(baseline.params());
        PolicyChange.Status status = loosens.isEmpty() ? PolicyChange.Status.PUBLISHED : PolicyChange.Status.PENDING;
        long id = store.insertChange(null, draft.params(), from, reason, status, loosens, restores, actor, now);
        if (status == PolicyChange.Status.PENDING) {
            PolicyChange change = store.change(id).orElseThrow();
            audit.record("policy", id, "request-loosening", null, auditView(change, null));
            return new Submitted(change, null);
        }
        int version = publishBaseline(id, draft.params(), from, reason, actor, null, now);
        PolicyChange change = store.change(id).orElseThrow();
        audit.record("policy", id, restores == null ? "publish-baseline" : "roll-back-baseline", null,
                auditView(change, version));
        afterCommit();
        return new Submitted(change, version);
    }

    /**
     * A second official approves a pending baseline loosening: it takes effect at its time, or now if that
     * has passed meanwhile.
     */
    @Transactional
    public Submitted approve(long changeId) {
        access.requireOfficial();
        PolicyChange pending = store.change(changeId)
                .orElseThrow(() -> new UnknownRecordException("policy.error.unknownChange", changeId));
        if (pending.status() != PolicyChange.Status.PENDING) {
            throw new ConflictException("policy.error.notPending");
        }
        String actor = access.actor();
        if (actor.equals(pending.createdBy())) {
            throw new AccessDeniedException("The author of a loosening cannot approve it");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = PolicyLayers.max(pending.effectiveFrom(), now);
        int version = publishBaseline(changeId, pending.params(), from, pending.reason(), pending.createdBy(), actor,
                now);
        PolicyChange change = store.change(changeId).orElseThrow();
        audit.record("policy", changeId, "approve-loosening", auditView(pending, null), auditView(change, version));
        afterCommit();
        return new Submitted(change, version);
    }

    /**
     * Cancels a scheduled version before it takes effect: the baseline change or venue change that made
     * it, with every venue version derived from it.
     */
    @Transactional
    public PolicyChange cancelScheduled(int version) {
        EffectivePolicy scheduled = store.publishedVersion(version)
                .orElseThrow(() -> new UnknownRecordException("policy.error.unknownVersion", version));
        PolicyChange change = scheduled.isBaseline() ? store.changeOfBaselineVersion(version).orElseThrow()
                : store.venueChangeOf(version).flatMap(store::change).orElseThrow();
        if (change.venueId() != null && !access.canSee(change.venueId())) {
            throw new UnknownRecordException("policy.error.unknownVersion", version);
        }
        access.requireEdit(change.venueId());
        Instant now = clock.instant();
        if (!change.isScheduledAt(now) || !change.effectiveFrom().equals(scheduled.effectiveFrom())) {
            // in force already, or a venue version a scheduled baseline made: cancel that baseline instead
            throw new ConflictException("policy.error.notScheduled", version);
        }
        store.cancelled(change.id(), access.actor(), now);
        policies.forgetVersion(version);
        if (change.isBaseline()) {
            store.cancelVersions("version = ? OR baseline_version = ?", version, version);
        } else {
            store.cancelVersions("venue_change_id = ?", change.id());
        }
        // a venue change scheduled after a cancelled baseline now merges with the baseline before it
        layers.deriveAll(now);
        PolicyChange cancelled = store.change(change.id()).orElseThrow();
        audit.record("policy", change.id(), "cancel-scheduled", auditView(change, version), auditView(cancelled, null));
        afterCommit();
        return cancelled;
    }

    private int publishBaseline(long changeId, PolicyParameters params, Instant from, String reason, String author,
                                String approver, Instant now) {
        int version = store.nextVersion();
        store.insertVersion(version, null, null, null, params, from, reason, author, now);
        store.published(changeId, version, from, approver, approver == null ? null : now);
        layers.deriveAll(now);
        return version;
    }

    /** Caches of this node forget what was in force once the change is committed (other nodes within seconds). */
    private void afterCommit() {
        policies.forgetInForce();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    policies.forgetInForce();
                }
            });
        }
    }

    private static Map<String, Object> auditView(PolicyChange c, Integer version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", c.venueId() == null ? "baseline" : "venue " + c.venueId());
        m.put("parameters", c.params());
        m.put("effectiveFrom", c.effectiveFrom());
        m.put("reason", c.reason());
        m.put("status", c.status());
        if (!c.loosens().isEmpty()) {
            m.put("loosens", c.loosens());
        }
        if (c.restoresVersion() != null) {
            m.put("restoresVersion", c.restoresVersion());
        }
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }

    /** A parameter's value as a message argument: the threshold as 37.3, colours as GREEN, YELLOW. */
    static String display(PolicyParameter p, PolicyParameters params) {
        Object v = p.valueIn(params);
        if (v instanceof java.util.Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }
}
