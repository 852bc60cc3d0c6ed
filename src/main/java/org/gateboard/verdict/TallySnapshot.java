package org.gateboard.verdict;

import java.util.List;

/**
 * Tallies and recent scans read in one consistent snapshot of the database.
 *
 * @param throughSequence the {@link VerdictsStored#sequence()} of the last event whose verdicts the
 *                        snapshot holds: an event with a higher number describes verdicts it does not hold,
 *                        an event with this number or lower describes verdicts it does
 */
public record TallySnapshot(long throughSequence, List<VerdictTally> tallies, List<RecentScans> recent) {
}
