package org.gateboard.verdict;

import java.time.Instant;

/**
 * What a device last reported.
 *
 * @param lastContact   its last authenticated call of the device API
 * @param backlog       verdicts waiting on the device, as it last said (null if never said)
 * @param clockSkewMs   device clock minus server clock at the last heartbeat (null if never said)
 * @param policyVersion the policy version the device last said it applies (null if never said)
 */
public record DeviceContact(long deviceId, Instant lastContact, Integer backlog, Long clockSkewMs,
                            Integer policyVersion) {
}
