package org.gateboard.policy;

/**
 * What became of a submitted change.
 *
 * @param version the effective version it makes (for a venue: that venue's at the change's time); null while
 *                the change waits for approval
 */
public record Submitted(PolicyChange change, Integer version) {

    public boolean awaitsApproval() {
        return change.status() == PolicyChange.Status.PENDING;
    }
}
