package org.gateboard.venue;

/**
 * A device was registered, given a new token, disabled or revoked (deactivated) or enabled again (reactivated);
 * {@code device} as it is after the change.
 */
public record DeviceChanged(Device device, Change change) implements RegistryChanged {

    @Override
    public long venueId() {
        return device.venueId();
    }
}
