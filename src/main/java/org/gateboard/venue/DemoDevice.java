package org.gateboard.venue;

/** A demo-mode device and its well-known token. */
public record DemoDevice(String venueCode, String gateCode, long deviceId, String token) {
}
