package org.gateboard.audit;

import java.time.Instant;

/** One entry of the audit trail, as shown to admins. */
public record AuditEntry(long id, Instant occurredAt, String actor, String entityType, String entityId,
                         String action, String beforeJson, String afterJson) {
}
