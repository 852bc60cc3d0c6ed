package org.gateboard.refusal;

import java.time.Instant;

/** One recorded disposition of a refusal; a later one never replaces an earlier one in the history. */
public record Review(long id, Disposition disposition, String comment, String appealReference,
                     String appealOutcome, String reviewedBy, Instant reviewedAt) {
}
