package org.gateboard.venue;

/** A venue was created, edited, deactivated or reactivated; {@code venue} as it is after the change. */
public record VenueChanged(Venue venue, Change change) implements RegistryChanged {

    @Override
    public long venueId() {
        return venue.id();
    }
}
