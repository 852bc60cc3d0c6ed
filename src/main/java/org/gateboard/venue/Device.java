package org.gateboard.venue;

import java.time.Instant;

/** A registered gate device. Its token is never kept: only its hash. */
public record Device(long id, long gateId, long venueId, String label, DeviceStatus status, Instant createdAt,
                     Instant tokenIssuedAt) {
}
