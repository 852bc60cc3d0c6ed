package org.gateboard.audit;

import java.time.Instant;

/**
 * Where an entry stands in the audit trail, as written: its id, which is its place in the chain (entries link
 * in id order, see {@link AuditService}), the time it records, and its hash, which the next entry carries.
 * Printed on paper (e.g. a refusal's evidence sheet), they let an auditor find the entry and check that the
 * trail still holds it unchanged.
 */
public record AuditPosition(long id, Instant occurredAt, String hash) {
}
