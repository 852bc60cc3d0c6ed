package org.gateboard.verdict.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdsTest {

    @Test
    void theCheckCharacterFollowsGb11643() {
        assertThat(ResidentIds.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIds.isValid("11010519491231002x")).isTrue();
        assertThat(ResidentIds.isValid("110105194912310021")).isFalse();
        assertThat(ResidentIds.isValid("11010519491231002")).isFalse();
        assertThat(ResidentIds.isValid("1101051949123100２X")).isFalse();
        assertThat(ResidentIds.checkCharacter("31010419600615001")).isEqualTo('X');
    }

    @Test
    void theMaskKeepsTheRegionAndTheLastFour() {
        assertThat(ResidentIds.mask("31010419600615001x")).isEqualTo("310***********001X");
    }

    @Test
    void theHashIsKeyedSoAnotherSecretGivesAnotherHash() {
        ResidentIds one = new ResidentIds("a-secret-of-at-least-thirty-two-characters", new MockEnvironment());
        ResidentIds two = new ResidentIds("another-secret-of-at-least-thirty-two-chars", new MockEnvironment());

        assertThat(one.hash("11010519491231002X")).isEqualTo(one.hash("11010519491231002x")).hasSize(32)
                .isNotEqualTo(two.hash("11010519491231002X"));
    }

    @Test
    void productionRefusesToStartWithoutASecret() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> new ResidentIds("", prod)).hasMessageContaining("GATEBOARD_ID_HASH_SECRET");
        assertThatThrownBy(() -> new ResidentIds("short", prod)).hasMessageContaining("32");
    }

    @Test
    void thePublicDemoKeyIsUsedInDemoModeOnly() {
        MockEnvironment demo = new MockEnvironment().withProperty("gateboard.demo.enabled", "true");
        assertThat(new ResidentIds("", demo).hash("11010519491231002X")).hasSize(32);

        assertThatThrownBy(() -> new ResidentIds("", new MockEnvironment()))
                .hasMessageContaining("GATEBOARD_ID_HASH_SECRET");
        assertThatThrownBy(() -> new ResidentIds("", new MockEnvironment().withProperty("gateboard.demo.enabled", "false")))
                .hasMessageContaining("GATEBOARD_ID_HASH_SECRET");
    }
}
