package org.gateboard.venue;

/**
 * Who is calling the device API: derived from the bearer token, never from the request body.
 *
 * @param placeActive whether the device's gate and venue are both active; a device at a deactivated gate or
 *                    venue is refused like a disabled one
 */
public record DeviceIdentity(long deviceId, long gateId, long venueId, DeviceStatus status, boolean placeActive) {

    public DeviceIdentity(long deviceId, long gateId, long venueId, DeviceStatus status) {
        this(deviceId, gateId, venueId, status, true);
    }
}
