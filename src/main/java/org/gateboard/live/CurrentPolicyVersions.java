package org.gateboard.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The policy version in force now at a venue and since when, to flag devices that lag behind it. Implemented
 * by a bean over the policy feature's service ({@link PolicyServiceVersions}); without one, nothing is flagged.
 */
@FunctionalInterface
public interface CurrentPolicyVersions {

    /**
     * Gates pull the policy about once a minute and may be offline a while: a device is flagged only when
     * the venue's version has been in force this long and it still reports another.
     */
    Duration GRACE = Duration.ofMinutes(5);

    CurrentPolicyVersions UNKNOWN = venueId -> Optional.empty();

    Optional<InForce> current(long venueId);

    record InForce(int version, Instant since) {

        /** Whether a device reporting {@code reported} is more than {@link #GRACE} behind at {@code nowMs}. */
        boolean isBehind(Integer reported, long nowMs) {
            return reported != null && reported != version && nowMs - since.toEpochMilli() > GRACE.toMillis();
        }
    }
}
