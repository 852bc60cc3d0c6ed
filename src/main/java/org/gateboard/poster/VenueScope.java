package org.gateboard.poster;

import org.gateboard.base.UnknownRecordException;
import org.gateboard.security.VenueAccess;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The one place the poster feature asks the security feature which venues the signed-in person may see. A venue
 * they may not see is answered exactly like one that does not exist ("not found"), in the UI and the API.
 */
@Component
class VenueScope {

    private final VenueAccess access;
    private final VenueService venues;

    VenueScope(VenueAccess access, VenueService venues) {
        this.access = access;
        this.venues = venues;
    }

    Optional<Venue> visible(long venueId) {
        return access.canSee(venueId) ? venues.venue(venueId) : Optional.empty();
    }

    Venue require(long venueId) {
        return visible(venueId).orElseThrow(() -> new UnknownRecordException("venue.error.notFound"));
    }

    Venue requireByCode(String code) {
        return venues.venues().stream().filter(v -> v.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .filter(v -> access.canSee(v.id())).findFirst()
                .orElseThrow(() -> new UnknownRecordException("venue.error.notFound"));
    }

    List<Venue> visibleVenues() {
        return access.visibleVenues();
    }

    /** Every venue, whoever is signed in: for the batch (admins only) and the dashboard badge (ids only). */
    List<Venue> all() {
        return venues.venues();
    }
}
