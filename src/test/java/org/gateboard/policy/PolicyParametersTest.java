package org.gateboard.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyParametersTest {

    private static final PolicyParameters BASELINE =
            new PolicyParameters(new BigDecimal("37.3"), Set.of("GREEN"), true, true);

    @Test
    void aLowerThresholdOrFewerColoursIsStricterNeverTheOtherWayRound() {
        PolicyParameters tighter = new PolicyParameters(new BigDecimal("37.0"), Set.of("GREEN"), true, true);
        PolicyParameters looser = new PolicyParameters(new BigDecimal("37.3"), Set.of("GREEN", "YELLOW"), true, false);

        assertThat(tighter.isAtLeastAsStrictAs(BASELINE)).isTrue();
        assertThat(BASELINE.isAtLeastAsStrictAs(tighter)).isFalse();
        assertThat(looser.isAtLeastAsStrictAs(BASELINE)).isFalse();
        assertThat(looser.strictestWith(BASELINE)).isEqualTo(BASELINE);
        assertThat(looser.strictestWith(tighter)).isEqualTo(tighter);
    }

    @Test
    void greenMustAlwaysBeAdmittedAndThresholdsHaveOneDecimal() {
        assertThatThrownBy(() -> new PolicyParameters(new BigDecimal("37.3"), Set.of("YELLOW"), true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyParameters(new BigDecimal("37.25"), Set.of("GREEN"), true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyParameters(new BigDecimal("41.0"), Set.of("GREEN"), true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PolicyParameters(new BigDecimal("37"), Set.of("RED", "GREEN"), true, true).admittedColors())
                .containsExactly("GREEN", "RED");
    }
}
