package org.gateboard.verdict;

import java.time.Instant;

/**
 * Verdicts of one gate scanned within one short bucket of time with the same check time (null: the device
 * did not time the check), for the gates' recent windows.
 */
public record RecentScans(long venueId, long gateId, Instant bucketStart, Integer checkMillis, long count) {
}
