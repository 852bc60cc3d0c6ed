package org.gateboard.security;

import java.time.Instant;

/** A read-only token for the stats API, as admins see it (never the token, which exists only once). */
public record StatsToken(long id, String label, Instant createdAt, String createdBy, Instant lastUsedAt,
                         Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The token itself, shown once when it is created; only its SHA-256 is kept. */
    public record Issued(long id, String label, String token) {
    }
}
