package org.gateboard.verdict;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The anonymous facts of a verdict that other features (the live dashboard) count. No personal data.
 *
 * @param checkSeconds how long the check took at the gate, or null when the device did not say
 */
public record StoredVerdict(UUID id, long venueId, long gateId, long deviceId, Instant scannedAt, Outcome outcome,
                            Set<RefusalReason> reasons, PersonRole personRole, Channel channel, Double checkSeconds,
                            boolean nonConforming) {
}
