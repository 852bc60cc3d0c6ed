package org.gateboard.live;

import org.gateboard.venue.Device;

import java.time.Instant;

/**
 * A device as the dashboard shows it. Contact figures are the device's current state whatever day is
 * shown; {@code nonConforming} counts the shown day's verdicts that contradict their policy.
 *
 * @param online               active and in contact within the offline limit (2 minutes)
 * @param lastContact          null when the device never made contact
 * @param currentPolicyVersion the venue's policy version now, null while unknown
 * @param policyOutdated       the device reports another version than the one in force for over 5 minutes
 */
public record DeviceHealth(Device device, String gateCode, boolean online, Instant lastContact, Integer backlog,
                           Long clockSkewMs, Integer policyVersion, Integer currentPolicyVersion,
                           boolean policyOutdated, long nonConforming) {
}
