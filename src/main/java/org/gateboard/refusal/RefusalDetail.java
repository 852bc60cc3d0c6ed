package org.gateboard.refusal;

import org.gateboard.live.DeviceHealth;
import org.gateboard.policy.EffectivePolicy;
import org.gateboard.venue.Device;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;

import java.time.Instant;
import java.util.List;

/**
 * Everything known about one refusal, shaped so that a printed evidence sheet can be rendered from it alone:
 * the facts the gate reported, the policy version it named and what that version said, whether the verdict
 * conformed to it, the device and its health now, the person's other verdicts that day, and every disposition.
 *
 * @param policy       the version the verdict named, null if that version is unknown
 * @param deviceHealth the device's state now, null when the live figures do not know it
 * @param timeline     the person's verdicts that day in venue time, oldest first (empty once purged)
 * @param reviews      every disposition, oldest first
 */
public record RefusalDetail(RefusalItem item, Instant receivedAt, Boolean photoOnCode, Boolean idChecked,
                            boolean maskWorn, Integer checkMillis, boolean nonConforming, Venue venue, Gate gate,
                            Device device, EffectivePolicy policy, DeviceHealth deviceHealth,
                            List<TimelineEntry> timeline, List<Review> reviews) {
}
