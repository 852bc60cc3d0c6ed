package org.gateboard.refusal;

import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.RefusalReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One of the person's verdicts that day, at any venue; {@code thisRefusal} marks the one under review. */
public record TimelineEntry(UUID verdictId, Instant scannedAt, String venueCode, String gateCode, Outcome outcome,
                            Set<RefusalReason> reasons, BigDecimal temperatureC, boolean thisRefusal) {
}
