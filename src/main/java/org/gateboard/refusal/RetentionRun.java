package org.gateboard.refusal;

import java.time.Instant;

/**
 * One run of the retention job.
 *
 * @param cutoff         personal fields of verdicts scanned before this were removed
 * @param finishedAt     null while it runs (or if it stopped half-way; the next run finishes the work)
 * @param verdictsPurged verdicts whose name, masked ID number and ID hash were removed
 * @param looksPurged    looks whose ID hash was removed
 */
public record RetentionRun(long id, Instant startedAt, Instant finishedAt, Instant cutoff, long verdictsPurged,
                           long looksPurged, String triggeredBy) {
}
