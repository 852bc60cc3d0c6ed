package org.gateboard.venue;

/**
 * Published after a change that alters which token a device answers to or whether it may call at all: a
 * status change, a new token, a venue or gate (de)activated. Exactly one of the ids is set. Caches of
 * token look-ups drop what they hold for it, so the change takes effect at once on this node.
 */
public record DeviceAccessChanged(Long deviceId, Long gateId, Long venueId) {

    static DeviceAccessChanged device(long id) {
        return new DeviceAccessChanged(id, null, null);
    }

    static DeviceAccessChanged gate(long id) {
        return new DeviceAccessChanged(null, id, null);
    }

    static DeviceAccessChanged venue(long id) {
        return new DeviceAccessChanged(null, null, id);
    }
}
