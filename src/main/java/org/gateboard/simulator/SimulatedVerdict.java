package org.gateboard.simulator;

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
 * A verdict as a simulated gate made it and sends it: the fields of the device API's verdict (see
 * docs/device-api.md), with the raw ID number as the device read it.
 *
 * @param checkMillis how long the check took
 */
record SimulatedVerdict(UUID id, Instant scannedAt, Outcome outcome, Set<RefusalReason> reasons, CodeColor codeColor,
                        Channel channel, Boolean photoOnCode, boolean idChecked, boolean maskWorn,
                        BigDecimal temperatureC, PersonRole personRole, String personName, String idNumber,
                        int checkMillis, int policyVersion) {
}
