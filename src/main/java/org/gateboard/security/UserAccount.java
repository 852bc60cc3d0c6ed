package org.gateboard.security;

import java.time.Instant;
import java.util.Set;

/** A person's account as admins see it (never the password hash). */
public record UserAccount(long id, String username, String displayName, Role role, boolean enabled,
                          Set<Long> venueIds, String locale, Instant lockedUntil, int version) {
}
