package org.gateboard.policy;

import java.util.List;
import java.util.function.Function;

/**
 * One parameter of a policy, with its own "at least as strict" rule. The rules here drive the venue check
 * (a venue may only tighten), four eyes (a baseline change that loosens any parameter waits for approval),
 * the notice (the baseline is stricter than a venue's own value) and the history's differences. A new
 * parameter is a new component of {@link PolicyParameters} plus a constant here: parameters are stored as
 * JSON, so the schema does not change.
 */
public enum PolicyParameter {

    /** Lower is stricter: more people are refused. */
    FEVER_THRESHOLD_C("feverThresholdC", PolicyParameters::feverThresholdC) {
        @Override
        boolean atLeastAsStrict(PolicyParameters a, PolicyParameters b) {
            return a.feverThresholdC().compareTo(b.feverThresholdC()) <= 0;
        }
    },
    /** Fewer is stricter. */
    ADMITTED_COLORS("admittedColors", PolicyParameters::admittedColors) {
        @Override
        boolean atLeastAsStrict(PolicyParameters a, PolicyParameters b) {
            return b.admittedColors().containsAll(a.admittedColors());
        }
    },
    /** Required is stricter. */
    PHOTOLESS_REQUIRES_ID_CHECK("photolessRequiresIdCheck", PolicyParameters::photolessRequiresIdCheck) {
        @Override
        boolean atLeastAsStrict(PolicyParameters a, PolicyParameters b) {
            return a.photolessRequiresIdCheck() || !b.photolessRequiresIdCheck();
        }
    },
    /** Required is stricter. */
    MASK_REQUIRED("maskRequired", PolicyParameters::maskRequired) {
        @Override
        boolean atLeastAsStrict(PolicyParameters a, PolicyParameters b) {
            return a.maskRequired() || !b.maskRequired();
        }
    };

    private final String apiName;
    private final Function<PolicyParameters, Object> value;

    PolicyParameter(String apiName, Function<PolicyParameters, Object> value) {
        this.apiName = apiName;
        this.value = value;
    }

    /** The name on the device API and in the stored JSON, e.g. {@code feverThresholdC}. */
    public String apiName() {
        return apiName;
    }

    /** The i18n key of the parameter's label. */
    public String labelKey() {
        return "policy.param." + apiName;
    }

    public Object valueIn(PolicyParameters p) {
        return value.apply(p);
    }

    /** Whether {@code a}'s value refuses everyone {@code b}'s value refuses. */
    abstract boolean atLeastAsStrict(PolicyParameters a, PolicyParameters b);

    /** The parameters on which {@code a} is looser than {@code b}, in declaration order. */
    static List<PolicyParameter> looser(PolicyParameters a, PolicyParameters b) {
        return java.util.Arrays.stream(values()).filter(p -> !p.atLeastAsStrict(a, b)).toList();
    }

    /** The parameters whose values differ between {@code a} and {@code b}. */
    static List<PolicyParameter> differing(PolicyParameters a, PolicyParameters b) {
        return java.util.Arrays.stream(values()).filter(p -> !java.util.Objects.equals(
                p.valueIn(a) instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : p.valueIn(a),
                p.valueIn(b) instanceof java.math.BigDecimal d2 ? d2.stripTrailingZeros() : p.valueIn(b))).toList();
    }
}
