package org.gateboard.audit;

import java.util.Optional;

/**
 * The result of verifying the audit chain: how many entries were checked and the first one whose
 * hash or link does not match (an edit, an insertion or a deletion), if any.
 */
public record AuditChainReport(long checkedEntries, Optional<Long> firstBrokenEntryId, String problem) {

    public boolean intact() {
        return firstBrokenEntryId.isEmpty();
    }
}
