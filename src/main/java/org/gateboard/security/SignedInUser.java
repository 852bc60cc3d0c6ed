package org.gateboard.security;

import org.gateboard.base.Role;
import java.util.Locale;
import java.util.Set;

/**
 * The person using the app now. {@code venueIds} matters only for managers: the venues assigned to them
 * (what anyone may see is {@link VenueAccess}'s answer). {@code wallScreen}: an admin made this a wall-screen
 * account, whose live views keep it signed in.
 */
public record SignedInUser(long id, String username, String displayName, Role role, Set<Long> venueIds,
                           Locale locale, boolean wallScreen) {
}
