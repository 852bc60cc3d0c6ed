package org.gateboard.venue;

/**
 * A venue, gate or device of the registry was created or changed. Published in the transaction of the change,
 * so a listener that keeps a copy of the registry ({@code @TransactionalEventListener}) updates it once the
 * change is committed and never for one rolled back. Changes to who may call the device API are also published
 * as {@link DeviceAccessChanged}.
 */
public sealed interface RegistryChanged permits VenueChanged, GateChanged, DeviceChanged {

    /** What happened: for a device, deactivated is disabled or revoked, and changed is a new token. */
    enum Change {
        CREATED, CHANGED, DEACTIVATED, REACTIVATED;

        static Change of(boolean wasActive, boolean active) {
            return wasActive == active ? CHANGED : active ? REACTIVATED : DEACTIVATED;
        }
    }

    Change change();

    /** The venue that is, or holds, what changed. */
    long venueId();
}
