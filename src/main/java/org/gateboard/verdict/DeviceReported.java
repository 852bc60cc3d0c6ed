package org.gateboard.verdict;

import java.time.Instant;

/**
 * A device made contact (heartbeat, or any authenticated API call), after the contact was recorded.
 *
 * @param backlog       verdicts waiting on the device, as it last said (null if never said)
 * @param clockSkewMs   device clock minus server clock at the last heartbeat (null if never said)
 * @param policyVersion the policy version the device last said it applies (null if never said)
 */
public record DeviceReported(long deviceId, long gateId, long venueId, Instant at, Integer backlog, Long clockSkewMs,
                             Integer policyVersion) {
}
