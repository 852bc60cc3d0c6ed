package org.gateboard.verdict;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A refused verdict with every fact the gate reported, personal fields included (null once purged). Only
 * the refusal review reads these, and it decides who sees which of them.
 *
 * @param seq            the verdict's position in the log, the tie-breaker of the listing order
 * @param checkMillis    how long the check took, null when the device did not say
 * @param nonConformance the policy rules the verdict broke, comma-separated, or null
 */
public record RefusalRow(long seq, UUID verdictId, Instant scannedAt, Instant receivedAt, long venueId, long gateId,
                         long deviceId, Outcome outcome, Set<RefusalReason> reasons, CodeColor codeColor,
                         Channel channel, Boolean photoOnCode, Boolean idChecked, boolean maskWorn,
                         BigDecimal temperatureC, PersonRole personRole, String personName, String idNumberMasked,
                         Integer checkMillis, int policyVersion, boolean nonConforming, String nonConformance) {

    public RefusalCursor cursor() {
        return new RefusalCursor(scannedAt, seq);
    }
}
