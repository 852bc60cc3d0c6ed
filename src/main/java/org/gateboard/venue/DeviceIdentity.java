package org.gateboard.venue;

/** Who is calling the device API: derived from the bearer token, never from the request body. */
public record DeviceIdentity(long deviceId, long gateId, long venueId, DeviceStatus status) {
}
