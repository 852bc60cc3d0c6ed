package org.gateboard.refusal.internal;

import org.gateboard.security.CurrentUser;
import org.gateboard.base.Role;
import org.gateboard.security.SignedInUser;
import org.gateboard.security.VenueAccess;
import org.gateboard.venue.Venue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place the refusal feature asks who is signed in and which venues they may see, so that a change of
 * the scoping mechanism touches only this class.
 */
@Component
public class Scope {

    private final CurrentUser currentUser;
    private final VenueAccess venueAccess;

    Scope(CurrentUser currentUser, VenueAccess venueAccess) {
        this.currentUser = currentUser;
        this.venueAccess = venueAccess;
    }

    public SignedInUser user() {
        return currentUser.get().orElseThrow(() -> new AccessDeniedException("No one is signed in"));
    }

    /** Null for officials (every venue); a manager's own venues otherwise. */
    public Set<Long> venueIds() {
        SignedInUser user = user();
        if (user.role() == Role.OFFICIAL) {
            return null;
        }
        if (user.role() == Role.MANAGER) {
            return venueAccess.visibleVenues().stream().map(Venue::id).collect(Collectors.toUnmodifiableSet());
        }
        throw new AccessDeniedException("Refusal review is for officials and managers");
    }

    public List<Venue> visibleVenues() {
        return venueAccess.visibleVenues();
    }

    public boolean canSee(long venueId) {
        return venueAccess.canSee(venueId);
    }

    /** Only officials see names in full; everyone else sees the first character (张*). */
    public boolean seesNames() {
        return user().role() == Role.OFFICIAL;
    }

    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
