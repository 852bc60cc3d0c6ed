package org.gateboard.security;

import java.time.Instant;
import java.util.Set;

/** A person's account as admins see it (never the password hash). */
public record UserAccount(long id, String username, String displayName, Role role, boolean enabled,
                          Set<Long> venueIds, String locale, Instant lockedUntil, int version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The same account with an admin's edits applied, for {@link UserService#update}. */
    public UserAccount withChanges(String displayName, Role role, Set<Long> venueIds, boolean enabled) {
        return new UserAccount(id, username, displayName, role, enabled, venueIds, locale, lockedUntil, version);
    }
}
