package org.gateboard.refusal;

import java.time.Instant;

/**
 * One recorded disposition of a refusal; a later one never replaces an earlier one in the history.
 *
 * @param auditEntryId the audit entry written with it, its place in the hash chain (null if none was found for a
 *                     disposition recorded before dispositions kept it)
 */
public record Review(long id, Disposition disposition, String comment, String appealReference,
                     String appealOutcome, String reviewedBy, Instant reviewedAt, Long auditEntryId) {
}
