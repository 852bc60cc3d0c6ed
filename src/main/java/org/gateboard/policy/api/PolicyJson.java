package org.gateboard.policy.api;

import org.gateboard.policy.EffectivePolicy;
import org.gateboard.policy.HistoryEntry;
import org.gateboard.policy.PolicyChange;
import org.gateboard.policy.PolicyParameter;
import org.gateboard.policy.PolicyParameters;
import org.gateboard.policy.VenuePolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** The JSON shapes of the policy API; parameters named as on the device API's {@code GET /api/v1/policy}. */
final class PolicyJson {

    private PolicyJson() {
    }

    record Parameters(BigDecimal feverThresholdC, List<String> admittedColors, boolean photolessRequiresIdCheck,
                      boolean maskRequired) {
        static Parameters of(PolicyParameters p) {
            return p == null ? null : new Parameters(p.feverThresholdC(), List.copyOf(p.admittedColors()),
                    p.photolessRequiresIdCheck(), p.maskRequired());
        }
    }

    record Version(int version, OffsetDateTime effectiveFrom, Parameters parameters, String reason) {
        static Version of(EffectivePolicy p, ZoneId zone) {
            return new Version(p.version(), at(p.effectiveFrom(), zone), Parameters.of(p.params()), p.reason());
        }
    }

    record Venue(String venueCode, String nameZh, String nameEn, Version effective, OffsetDateTime inForceSince,
                 Parameters ownParameters, List<String> baselineOverrides) {
        static Venue of(VenuePolicy v, ZoneId zone) {
            return new Venue(v.code(), v.nameZh(), v.nameEn(), Version.of(v.effective(), zone),
                    at(v.inForceSince(), zone), Parameters.of(v.own()), names(v.overriddenByBaseline()));
        }
    }

    record Change(long id, String venueCode, String status, Integer version, OffsetDateTime effectiveFrom,
                  Parameters parameters, String reason, List<String> loosens, Integer restoresVersion,
                  String createdBy, OffsetDateTime createdAt, String approvedBy, OffsetDateTime approvedAt,
                  String cancelledBy, OffsetDateTime cancelledAt) {
        static Change of(PolicyChange c, LongFunction<String> venueCode, ZoneId zone) {
            return new Change(c.id(), c.venueId() == null ? null : venueCode.apply(c.venueId()), c.status().name(),
                    c.version(), at(c.effectiveFrom(), zone), Parameters.of(c.params()), c.reason(),
                    names(c.loosens()), c.restoresVersion(), c.createdBy(), at(c.createdAt(), zone), c.approvedBy(),
                    at(c.approvedAt(), zone), c.cancelledBy(), at(c.cancelledAt(), zone));
        }
    }

    record Overview(Version baseline, List<Venue> venues, List<Change> scheduled, List<Change> pending) {
    }

    record Submitted(String status, Integer version, Change change) {
    }

    record Diff(Object from, Object to) {
    }

    record History(Change change, Map<String, Diff> differences) {
        static History of(HistoryEntry e, LongFunction<String> venueCode, ZoneId zone) {
            Map<String, Diff> diffs = new LinkedHashMap<>();
            for (PolicyParameter p : e.differences()) {
                diffs.put(p.apiName(), new Diff(p.valueIn(e.previous()), p.valueIn(e.change().params())));
            }
            return new History(Change.of(e.change(), venueCode, zone), diffs);
        }
    }

    static List<String> names(List<PolicyParameter> parameters) {
        return parameters.stream().map(PolicyParameter::apiName).toList();
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
