package org.gateboard.policy;

import org.gateboard.base.RuleViolationException;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.db.ReplicaReads;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * "What if": replays a day's real verdicts against a draft before anyone publishes it. The database groups
 * the day by the facts a policy decides on; each group is decided twice here, under the version its gate
 * applied and under the draft merged as it would be at its venue.
 */
@Service
public class PolicyWhatIf {

    private final ObjectProvider<VerdictDayProfiles> profiles;
    private final PolicyStore store;
    private final PolicyService policies;
    private final PolicyAccess access;
    private final VenueService venues;
    private final Clock clock;
    private final ZoneId zone;

    PolicyWhatIf(ObjectProvider<VerdictDayProfiles> profiles, PolicyStore store, PolicyService policies,
                 PolicyAccess access, VenueService venues, Clock clock, ZoneId venueZone) {
        this.profiles = profiles;
        this.store = store;
        this.policies = policies;
        this.access = access;
        this.venues = venues;
        this.clock = clock;
        this.zone = venueZone;
    }

    /** The day before today in venue time: the default day to replay. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(zone)).minusDays(1);
    }

    /**
     * Replays {@code day} at the venues the draft affects: every venue for a baseline draft (merged with each
     * venue's own values in force now), the venue alone for a venue draft (merged with the baseline now).
     */
    public WhatIf replay(Long venueId, PolicyParameters draft, LocalDate day) {
        if (venueId != null && (venues.venue(venueId).isEmpty() || !access.canSee(venueId))) {
            throw new UnknownRecordException("venue.error.notFound");
        }
        access.requireEdit(venueId);
        if (day.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new RuleViolationException("policy.error.futureDay");
        }
        List<Venue> affected = venueId == null ? venues.venues()
                : List.of(venues.venue(venueId).orElseThrow());
        Map<Long, PolicyParameters> drafts = new HashMap<>();
        java.time.Instant now = clock.instant();
        PolicyParameters baselineNow = policies.baseline().params();
        for (Venue v : affected) {
            drafts.put(v.id(), venueId == null
                    ? store.venueChangeAt(v.id(), now).map(own -> draft.strictestWith(own.params())).orElse(draft)
                    : baselineNow.strictestWith(draft));
        }
        // the day's verdicts, a heavy read that may lag a little: the replica's, when there is one
        List<DayProfileRow> rows = ReplicaReads.read(() -> profiles.getObject().dayProfile(day, drafts.keySet()));
        return evaluate(day, affected, drafts, rows);
    }

    WhatIf evaluate(LocalDate day, List<Venue> affected, Map<Long, PolicyParameters> drafts, List<DayProfileRow> rows) {
        Map<Long, long[]> byVenue = new HashMap<>();
        Map<String, Long> refusedByReason = new TreeMap<>();
        Map<String, Long> admittedByReason = new TreeMap<>();
        Map<String, Long> refusedByRole = new TreeMap<>();
        Map<String, Long> admittedByRole = new TreeMap<>();
        long total = 0;
        long newlyRefused = 0;
        long newlyAdmitted = 0;
        for (DayProfileRow r : rows) {
            PolicyParameters draft = drafts.get(r.venueId());
            if (draft == null) {
                continue;
            }
            long[] venue = byVenue.computeIfAbsent(r.venueId(), k -> new long[3]);
            venue[0] += r.count();
            total += r.count();
            Set<String> before = reasonsBefore(r);
            Set<String> after = draft.refusalReasons(r.codeColor(), r.photoOnCode(), r.idChecked(), r.maskWorn(),
                    r.temperatureC());
            if (before.isEmpty() && !after.isEmpty()) {
                newlyRefused += r.count();
                venue[1] += r.count();
                after.forEach(reason -> refusedByReason.merge(reason, r.count(), Long::sum));
                refusedByRole.merge(r.personRole(), r.count(), Long::sum);
            } else if (!before.isEmpty() && after.isEmpty()) {
                newlyAdmitted += r.count();
                venue[2] += r.count();
                before.forEach(reason -> admittedByReason.merge(reason, r.count(), Long::sum));
                admittedByRole.merge(r.personRole(), r.count(), Long::sum);
            }
        }
        List<WhatIf.VenueCounts> venueCounts = affected.stream().map(v -> {
            long[] n = byVenue.getOrDefault(v.id(), new long[3]);
            return new WhatIf.VenueCounts(v.id(), v.code(), n[0], n[1], n[2]);
        }).toList();
        return new WhatIf(day, total, newlyRefused + newlyAdmitted, newlyRefused, newlyAdmitted, venueCounts,
                refusedByReason, admittedByReason, refusedByRole, admittedByRole);
    }

    /**
     * What the policy the gate named called for; where that version is unknown, what the gate decided (its
     * reasons are not in the group, so the refusal counts as "for the reasons recorded": none known).
     */
    private Set<String> reasonsBefore(DayProfileRow r) {
        Optional<EffectivePolicy> named = policies.version(r.policyVersion());
        if (named.isPresent()) {
            return named.get().params().refusalReasons(r.codeColor(), r.photoOnCode(), r.idChecked(), r.maskWorn(),
                    r.temperatureC());
        }
        return "REFUSED".equals(r.outcome()) ? Set.of("UNKNOWN") : Set.of();
    }
}
