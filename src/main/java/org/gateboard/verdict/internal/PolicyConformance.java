package org.gateboard.verdict.internal;

import org.gateboard.policy.EffectivePolicy;
import org.gateboard.policy.PolicyParameters;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.RefusalReason;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Re-checks a verdict against the policy version the device says it applied. A verdict that disagrees is
 * stored all the same (the gate's decision happened) and flagged with the rules it broke, for officials.
 *
 * <p>Rule names: {@code ADMITTED_<REASON>} when a person was admitted although the facts and the policy
 * call for that refusal reason; {@code UNSUPPORTED_<REASON>} when a refusal names a reason the facts and
 * the policy do not support; {@code UNKNOWN_POLICY_VERSION} when no such version exists (nothing else can
 * be checked then); {@code OTHER_VENUE_POLICY} when the version is another venue's tightening.
 */
public final class PolicyConformance {

    public static final String UNKNOWN_POLICY_VERSION = "UNKNOWN_POLICY_VERSION";
    public static final String OTHER_VENUE_POLICY = "OTHER_VENUE_POLICY";

    private PolicyConformance() {
    }

    /** The reasons a gate applying {@code params} must refuse for, given the facts it recorded. */
    public static Set<RefusalReason> requiredReasons(IncomingVerdict v, PolicyParameters params) {
        Set<RefusalReason> required = EnumSet.noneOf(RefusalReason.class);
        for (String reason : params.refusalReasons(v.codeColor() == null ? null : v.codeColor().name(),
                v.photoOnCode(), v.idChecked(), v.maskWorn(), v.temperatureC())) {
            required.add(RefusalReason.valueOf(reason));
        }
        return required;
    }

    /** The rules broken, empty when the verdict conforms. */
    public static List<String> brokenRules(IncomingVerdict v, EffectivePolicy policy, long venueId) {
        List<String> broken = new ArrayList<>(2);
        if (policy == null) {
            broken.add(UNKNOWN_POLICY_VERSION);
            return broken;
        }
        if (!policy.appliesTo(venueId)) {
            broken.add(OTHER_VENUE_POLICY);
        }
        Set<RefusalReason> required = requiredReasons(v, policy.params());
        if (v.outcome() == Outcome.ADMITTED) {
            for (RefusalReason r : required) {
                broken.add("ADMITTED_" + r.name());
            }
        } else {
            for (RefusalReason r : v.reasons()) {
                if (!required.contains(r)) {
                    broken.add("UNSUPPORTED_" + r.name());
                }
            }
        }
        return broken;
    }
}
