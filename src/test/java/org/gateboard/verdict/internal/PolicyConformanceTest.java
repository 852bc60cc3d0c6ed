package org.gateboard.verdict.internal;

import org.gateboard.policy.EffectivePolicy;
import org.gateboard.policy.PolicyParameters;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyConformanceTest {

    private static final EffectivePolicy BASELINE = new EffectivePolicy(1, null, null, Instant.EPOCH,
            new PolicyParameters(new BigDecimal("37.3"), Set.of("GREEN"), true, true), "notice");
    private static final EffectivePolicy LENIENT_VENUE = new EffectivePolicy(9, 5L, 1, Instant.EPOCH,
            new PolicyParameters(new BigDecimal("37.3"), Set.of("GREEN"), false, false), "test");

    private static IncomingVerdict verdict(Outcome outcome, Set<RefusalReason> reasons, CodeColor color,
                                           Boolean photo, Boolean idChecked, boolean mask, String temperature) {
        return new IncomingVerdict(UUID.randomUUID(), Instant.now(), outcome,
                reasons.isEmpty() ? EnumSet.noneOf(RefusalReason.class) : EnumSet.copyOf(reasons), color,
                Channel.APP, photo, idChecked, mask, new BigDecimal(temperature), PersonRole.BIDDER, null, null, null, 1);
    }

    @Test
    void theThresholdIsInclusive() {
        assertThat(PolicyConformance.brokenRules(verdict(Outcome.ADMITTED, Set.of(), CodeColor.GREEN, true, false,
                true, "37.2"), BASELINE, 5)).isEmpty();
        assertThat(PolicyConformance.brokenRules(verdict(Outcome.ADMITTED, Set.of(), CodeColor.GREEN, true, false,
                true, "37.3"), BASELINE, 5)).containsExactly("ADMITTED_FEVER");
    }

    @Test
    void aRefusalIsFlaggedOnlyForReasonsThePolicyDoesNotSupport() {
        IncomingVerdict partial = verdict(Outcome.REFUSED, Set.of(RefusalReason.CODE_RED), CodeColor.RED, true, false,
                false, "38.0");
        IncomingVerdict wrong = verdict(Outcome.REFUSED, Set.of(RefusalReason.NO_MASK, RefusalReason.NO_CODE),
                CodeColor.GREEN, true, false, true, "36.5");

        assertThat(PolicyConformance.brokenRules(partial, BASELINE, 5)).isEmpty();
        assertThat(PolicyConformance.brokenRules(wrong, BASELINE, 5))
                .containsExactly("UNSUPPORTED_NO_CODE", "UNSUPPORTED_NO_MASK");
    }

    @Test
    void theVersionNamedDecidesNotTheBaseline() {
        IncomingVerdict noMaskPhotoless = verdict(Outcome.ADMITTED, Set.of(), CodeColor.GREEN, false, false, false,
                "36.5");

        assertThat(PolicyConformance.brokenRules(noMaskPhotoless, BASELINE, 5))
                .containsExactly("ADMITTED_PHOTOLESS_WITHOUT_ID", "ADMITTED_NO_MASK");
        assertThat(PolicyConformance.brokenRules(noMaskPhotoless, LENIENT_VENUE, 5)).isEmpty();
        assertThat(PolicyConformance.brokenRules(noMaskPhotoless, LENIENT_VENUE, 6)).containsExactly("OTHER_VENUE_POLICY");
        assertThat(PolicyConformance.brokenRules(noMaskPhotoless, null, 5)).containsExactly("UNKNOWN_POLICY_VERSION");
    }
}
