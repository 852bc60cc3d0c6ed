package org.gateboard.security;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which venues the signed-in person may see: all for admins and officials, only their own for managers.
 * Views of one venue call {@link #visibleVenue(BeforeEnterEvent, String)} in {@code beforeEnter}, so a
 * manager who types another venue's URL gets the access-denied page instead of its data. Services that
 * answer per-venue data call {@link #requireVisible(long)} as well: the view check alone guards only the UI.
 */
@Component
public class VenueAccess {

    private final CurrentUser currentUser;
    private final VenueService venues;

    VenueAccess(CurrentUser currentUser, VenueService venues) {
        this.currentUser = currentUser;
        this.venues = venues;
    }

    public boolean canSee(long venueId) {
        return currentUser.get().map(user -> user.canSeeVenue(venueId)).orElse(false);
    }

    /** The venues the signed-in person may see, in the registry's order; none when no one is signed in. */
    public List<Venue> visibleVenues() {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return List.of();
        }
        return venues.venues().stream().filter(v -> user.get().canSeeVenue(v.id())).toList();
    }

    /**
     * For a view's {@code beforeEnter} with a route like {@code venues/:venueId}: the venue named by the route
     * parameter when the signed-in person may see it. Otherwise the navigation is rerouted to the not-found page
     * (no such venue, or not a number) or the access-denied page, and the answer is empty: the view must then
     * load nothing.
     */
    public Optional<Venue> visibleVenue(BeforeEnterEvent event, String routeParameter) {
        Optional<Long> id = event.getRouteParameters().get(routeParameter).flatMap(VenueAccess::parseId);
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "venue id");
            return Optional.empty();
        }
        return visibleVenue(event, id.get());
    }

    /** As {@link #visibleVenue(BeforeEnterEvent, String)}, for views that read the venue id themselves. */
    public Optional<Venue> visibleVenue(BeforeEnterEvent event, long venueId) {
        Optional<Venue> venue = venues.venue(venueId);
        if (venue.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "venue " + venueId);
            return Optional.empty();
        }
        if (!canSee(venueId)) {
            event.rerouteToError(AccessDeniedException.class, "venue " + venueId);
            return Optional.empty();
        }
        return venue;
    }

    /** For services: refuses (Spring Security's access denied) when the signed-in person may not see the venue. */
    public void requireVisible(long venueId) {
        if (!canSee(venueId)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Venue " + venueId + " is not one of the signed-in person's venues");
        }
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
