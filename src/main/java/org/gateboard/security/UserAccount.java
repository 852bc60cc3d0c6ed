package org.gateboard.security;

import org.gateboard.base.Role;
import java.time.Instant;
import java.util.Set;

/**
 * A person's account as admins see it (never the password hash). {@code lockedUntil}: when the sign-in
 * throttle stops refusing this name from everywhere (null when it does not); {@code wallScreen}: live views
 * keep this account signed in (see {@code base.ui.WallScreen}).
 */
public record UserAccount(long id, String username, String displayName, Role role, boolean enabled,
                          Set<Long> venueIds, String locale, Instant lockedUntil, boolean wallScreen, int version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The same account with an admin's edits applied, for {@link UserService#update}. */
    public UserAccount withChanges(String displayName, Role role, Set<Long> venueIds, boolean enabled,
                                   boolean wallScreen) {
        return new UserAccount(id, username, displayName, role, enabled, venueIds, locale, lockedUntil, wallScreen,
                version);
    }
}
