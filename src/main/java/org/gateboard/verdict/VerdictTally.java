package org.gateboard.verdict;

import java.time.Instant;
import java.util.Optional;

/**
 * How many verdicts of one device were counted one way in one quarter hour of scan time (UTC quarter
 * hours; every time zone's hours begin on one). Kept by the verdict feature in the same transaction as the
 * verdicts, so it is exactly what the table holds.
 *
 * @param counted what is counted; {@code item} is the person's role for {@link Counted#ADMITTED} and
 *                {@link Counted#REFUSED}, the refusal reason for {@link Counted#REFUSAL_REASON}, empty else
 * @param node    the node that counted it ({@code ThisNode}; 0 before nodes were told apart)
 */
public record VerdictTally(long venueId, long gateId, long deviceId, Instant periodStart, Counted counted,
                           String item, long count, long node) {

    public static final long PERIOD_MS = 15 * 60_000L;

    /** The ways a verdict is counted. ADMITTED and REFUSED (by role) together count every verdict once. */
    public enum Counted {
        ADMITTED, REFUSED, REFUSAL_REASON, NON_CONFORMING
    }

    /** The role of an ADMITTED or REFUSED tally; a role this version does not know counts as OTHER. */
    public PersonRole role() {
        try {
            return PersonRole.valueOf(item);
        } catch (IllegalArgumentException e) {
            return PersonRole.OTHER;
        }
    }

    /** The reason of a REFUSAL_REASON tally, empty for one this version does not know. */
    public Optional<RefusalReason> reason() {
        try {
            return Optional.of(RefusalReason.valueOf(item));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
