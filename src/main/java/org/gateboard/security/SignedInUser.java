package org.gateboard.security;

import java.util.Locale;
import java.util.Set;

/** The person using the app now. {@code venueIds} matters only for managers: the venues they may see. */
public record SignedInUser(long id, String username, String displayName, Role role, Set<Long> venueIds,
                           Locale locale) {

    public boolean canSeeVenue(long venueId) {
        return role.seesAllVenues() || venueIds.contains(venueId);
    }
}
