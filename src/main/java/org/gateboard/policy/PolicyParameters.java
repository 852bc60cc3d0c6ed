package org.gateboard.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a gate applies. A person with a temperature at or over {@code feverThresholdC} is refused; only the
 * {@code admittedColors} of the health code enter. Colours are named as on the device API ({@code GREEN},
 * {@code YELLOW}, {@code RED}); the policy feature keeps them as names so it does not depend on verdicts.
 */
public record PolicyParameters(BigDecimal feverThresholdC, Set<String> admittedColors,
                               boolean photolessRequiresIdCheck, boolean maskRequired) {

    /** The colours a health code can show, from the least to the most alarming. */
    public static final List<String> COLORS = List.of("GREEN", "YELLOW", "RED");

    public PolicyParameters {
        if (feverThresholdC == null || feverThresholdC.compareTo(new BigDecimal("35.0")) < 0
                || feverThresholdC.compareTo(new BigDecimal("40.0")) > 0) {
            throw new IllegalArgumentException("feverThresholdC must be between 35.0 and 40.0");
        }
        // one decimal, so that a temperature kept to 0.1 °C classifies exactly like the measured one
        feverThresholdC = feverThresholdC.setScale(1, RoundingMode.UNNECESSARY);
        if (admittedColors == null || !admittedColors.contains("GREEN") || !COLORS.containsAll(admittedColors)) {
            throw new IllegalArgumentException("admittedColors must contain GREEN and only known colours");
        }
        Set<String> ordered = new LinkedHashSet<>();
        COLORS.stream().filter(admittedColors::contains).forEach(ordered::add);
        admittedColors = Collections.unmodifiableSet(ordered);
    }

    public boolean admits(String color) {
        return admittedColors.contains(color);
    }

    /** True when a gate applying these parameters refuses everyone {@code other} refuses. */
    public boolean isAtLeastAsStrictAs(PolicyParameters other) {
        return looserThan(other).isEmpty();
    }

    /** The parameters on which these are looser than {@code other}: empty when at least as strict. */
    public List<PolicyParameter> looserThan(PolicyParameters other) {
        return PolicyParameter.looser(this, other);
    }

    /** The parameters whose values differ from {@code other}'s. */
    public List<PolicyParameter> differencesTo(PolicyParameters other) {
        return PolicyParameter.differing(this, other);
    }

    /**
     * The refusal reasons (named as on the device API) a gate applying these parameters must give a person
     * with these facts; empty: admit. {@code codeColor} null means the person showed no code.
     */
    public Set<String> refusalReasons(String codeColor, Boolean photoOnCode, Boolean idChecked, boolean maskWorn,
                                      BigDecimal temperatureC) {
        Set<String> reasons = new LinkedHashSet<>(4);
        if (codeColor == null) {
            reasons.add("NO_CODE");
        } else if (!admits(codeColor)) {
            // GREEN is always admitted (the constructor guarantees it)
            reasons.add("RED".equals(codeColor) ? "CODE_RED" : "CODE_YELLOW");
        }
        if (codeColor != null && Boolean.FALSE.equals(photoOnCode) && photolessRequiresIdCheck
                && !Boolean.TRUE.equals(idChecked)) {
            reasons.add("PHOTOLESS_WITHOUT_ID");
        }
        if (maskRequired && !maskWorn) {
            reasons.add("NO_MASK");
        }
        if (temperatureC.compareTo(feverThresholdC) >= 0) {
            reasons.add("FEVER");
        }
        return reasons;
    }

    /** The stricter of the two on every parameter: how a venue's wishes combine with the baseline. */
    public PolicyParameters strictestWith(PolicyParameters other) {
        Set<String> colors = new LinkedHashSet<>(admittedColors);
        colors.retainAll(other.admittedColors);
        return new PolicyParameters(feverThresholdC.min(other.feverThresholdC), colors,
                photolessRequiresIdCheck || other.photolessRequiresIdCheck, maskRequired || other.maskRequired);
    }

}
