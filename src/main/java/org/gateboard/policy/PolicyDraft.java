package org.gateboard.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A change someone wants to make to one layer.
 *
 * @param venueId       null for the city baseline
 * @param effectiveFrom null for now; never in the past
 * @param reason        required: why, for the history and the audit chain
 */
public record PolicyDraft(Long venueId, PolicyParameters params, Instant effectiveFrom, String reason) {

    /** The longest reason, in characters. */
    public static final int MAX_REASON = 500;
    /** How far in the past an effective time may be and still mean "now" (the time it took to fill the form in). */
    public static final Duration PAST_GRACE = Duration.ofMinutes(1);
}
