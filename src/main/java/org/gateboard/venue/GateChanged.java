package org.gateboard.venue;

/** A gate was created, edited, deactivated or reactivated; {@code gate} as it is after the change. */
public record GateChanged(Gate gate, Change change) implements RegistryChanged {

    @Override
    public long venueId() {
        return gate.venueId();
    }
}
