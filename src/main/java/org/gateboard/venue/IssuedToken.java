package org.gateboard.venue;

/** A device's bearer token as issued: the only time it is ever shown. */
public record IssuedToken(long deviceId, String token) {
}
