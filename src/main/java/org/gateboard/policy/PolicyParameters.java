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
        return feverThresholdC.compareTo(other.feverThresholdC) <= 0
                && other.admittedColors.containsAll(admittedColors)
                && (photolessRequiresIdCheck || !other.photolessRequiresIdCheck)
                && (maskRequired || !other.maskRequired);
    }

    /** The stricter of the two on every parameter: how a venue's wishes combine with the baseline. */
    public PolicyParameters strictestWith(PolicyParameters other) {
        Set<String> colors = new LinkedHashSet<>(admittedColors);
        colors.retainAll(other.admittedColors);
        return new PolicyParameters(feverThresholdC.min(other.feverThresholdC), colors,
                photolessRequiresIdCheck || other.photolessRequiresIdCheck, maskRequired || other.maskRequired);
    }

    static Set<String> parseColors(String csv) {
        Set<String> colors = new LinkedHashSet<>();
        for (String c : csv.split(",")) {
            if (!c.isBlank()) {
                colors.add(c.trim());
            }
        }
        return colors;
    }

    String colorsCsv() {
        return String.join(",", admittedColors);
    }
}
