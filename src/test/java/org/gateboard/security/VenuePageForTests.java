package org.gateboard.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** A page of one venue, as the live dashboard will have, to show how views use {@link VenueAccess}. */
@Route("test-only/venues/:venueId")
@PermitAll
class VenuePageForTests extends Div implements BeforeEnterObserver {

    private final VenueAccess access;

    VenuePageForTests(VenueAccess access) {
        this.access = access;
        setId("venue-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        access.visibleVenue(event, "venueId").ifPresent(venue -> setText(venue.code()));
    }
}
