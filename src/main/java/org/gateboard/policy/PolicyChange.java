package org.gateboard.policy;

import java.time.Instant;
import java.util.List;

/**
 * A request to change one layer: the city baseline ({@code venueId} null) or one venue's own parameters.
 *
 * @param loosens         for a baseline change: the parameters it loosens (it waited for approval when any)
 * @param restoresVersion for a roll back: the version whose parameters it restores
 * @param version         for a published baseline change: the baseline version it made
 */
public record PolicyChange(long id, Long venueId, PolicyParameters params, Instant effectiveFrom, String reason,
                           Status status, List<PolicyParameter> loosens, Integer restoresVersion, String createdBy,
                           Instant createdAt, String approvedBy, Instant approvedAt, String cancelledBy,
                           Instant cancelledAt, Integer version) {

    public enum Status {
        /** A baseline loosening waiting for a second official. */
        PENDING,
        /** In force from its time on (scheduled while that is ahead). */
        PUBLISHED,
        /** Withdrawn before it started. */
        CANCELLED
    }

    public boolean isBaseline() {
        return venueId == null;
    }

    public boolean isScheduledAt(Instant now) {
        return status == Status.PUBLISHED && effectiveFrom.isAfter(now);
    }
}
