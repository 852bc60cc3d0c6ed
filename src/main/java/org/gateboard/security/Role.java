package org.gateboard.security;

import org.gateboard.base.Roles;

/** What a person may do; see {@link Roles} for the names used in annotations. */
public enum Role {
    /** Registry, users, posters and printing. */
    ADMIN,
    /** All venues read, refusal review, city-wide policy. */
    OFFICIAL,
    /** Only the venues assigned to them. */
    MANAGER;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean seesAllVenues() {
        return this != MANAGER;
    }
}
