package org.gateboard.policy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
 * <p>
 * Its rules ({@link #isThreshold}, {@link #isColorSet}) hold for every instance: the constructor refuses anything
 * else. The same rules are the components' Bean Validation constraints, so a form bound to this record shows each
 * broken one at its field, with its text, before anything is built.
 */
public record PolicyParameters(
        @NotNull(message = "{policy.validation.threshold}") @PolicyParameters.FeverThreshold
        BigDecimal feverThresholdC,
        @PolicyParameters.AdmitsGreen
        Set<String> admittedColors,
        boolean photolessRequiresIdCheck,
        boolean maskRequired) {

    /** The colours a health code can show, from the least to the most alarming. */
    public static final List<String> COLORS = List.of("GREEN", "YELLOW", "RED");

    private static final BigDecimal LOWEST_THRESHOLD = new BigDecimal("35.0");
    private static final BigDecimal HIGHEST_THRESHOLD = new BigDecimal("40.0");

    public PolicyParameters {
        if (!isThreshold(feverThresholdC)) {
            throw new IllegalArgumentException("feverThresholdC must be from 35.0 to 40.0 with at most one decimal");
        }
        feverThresholdC = feverThresholdC.setScale(1, RoundingMode.UNNECESSARY);
        if (!isColorSet(admittedColors)) {
            throw new IllegalArgumentException("admittedColors must contain GREEN and only known colours");
        }
        Set<String> ordered = new LinkedHashSet<>();
        COLORS.stream().filter(admittedColors::contains).forEach(ordered::add);
        admittedColors = Collections.unmodifiableSet(ordered);
    }

    /**
     * A fever threshold from 35.0 to 40.0 °C with at most one decimal, so that a temperature kept to 0.1 °C
     * classifies exactly like the measured one.
     */
    public static boolean isThreshold(BigDecimal threshold) {
        return threshold != null && threshold.compareTo(LOWEST_THRESHOLD) >= 0
                && threshold.compareTo(HIGHEST_THRESHOLD) <= 0 && threshold.stripTrailingZeros().scale() <= 1;
    }

    /** Admitted colours: GREEN, which is always admitted, and only the known colours. */
    public static boolean isColorSet(Set<String> colors) {
        return colors != null && colors.contains("GREEN") && COLORS.containsAll(colors);
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

    /** {@link #isThreshold} as a constraint (null is left to {@code @NotNull}). */
    @Documented
    @Constraint(validatedBy = FeverThreshold.Check.class)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface FeverThreshold {

        String message() default "{policy.validation.threshold}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<FeverThreshold, BigDecimal> {
            @Override
            public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
                return value == null || isThreshold(value);
            }
        }
    }

    /** {@link #isColorSet} as a constraint. */
    @Documented
    @Constraint(validatedBy = AdmitsGreen.Check.class)
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface AdmitsGreen {

        String message() default "{policy.validation.green}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<AdmitsGreen, Set<String>> {
            @Override
            public boolean isValid(Set<String> value, ConstraintValidatorContext context) {
                return isColorSet(value);
            }
        }
    }
}
