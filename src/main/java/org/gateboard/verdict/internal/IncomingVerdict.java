package org.gateboard.verdict.internal;

import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A verdict as a device sent it, after validation. {@code idNumber} is the raw number and lives only in
 * memory for the time of the request: it is masked and hashed before anything is stored.
 *
 * @param temperatureC kept to 0.1 °C, rounded down, which classifies like the measured value against any
 *                     threshold of one decimal
 * @param checkMillis  how long the check took, or null when the device did not say
 */
public record IncomingVerdict(UUID id, Instant scannedAt, Outcome outcome, Set<RefusalReason> reasons,
                              CodeColor codeColor, Channel channel, Boolean photoOnCode, Boolean idChecked,
                              boolean maskWorn, BigDecimal temperatureC, PersonRole personRole, String personName,
                              String idNumber, Integer checkMillis, int policyVersion) {
}
