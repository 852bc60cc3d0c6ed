package org.gateboard.refusal;

import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A refusal as listed. {@code personName} is the full name for officials and masked (张*) for managers; null
 * once purged, as is {@code idNumberMasked}.
 *
 * @param nonConformance the policy rules the gate's verdict broke, comma-separated, null when it conformed
 * @param review         the current disposition, null while unreviewed
 */
public record RefusalItem(UUID verdictId, Instant scannedAt, long venueId, String venueCode, long gateId,
                          String gateCode, Set<RefusalReason> reasons, CodeColor codeColor, Channel channel,
                          BigDecimal temperatureC, PersonRole personRole, String idNumberMasked, String personName,
                          int policyVersion, String nonConformance, Review review) {
}
