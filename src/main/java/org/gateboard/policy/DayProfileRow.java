package org.gateboard.policy;

import java.math.BigDecimal;

/**
 * A group of one day's verdicts that share every fact a policy decides on, with how many there were.
 * Names as on the device API; {@code codeColor} null: no code shown.
 */
public record DayProfileRow(long venueId, int policyVersion, String codeColor, Boolean photoOnCode,
                            Boolean idChecked, boolean maskWorn, BigDecimal temperatureC, String personRole,
                            String outcome, long count) {
}
