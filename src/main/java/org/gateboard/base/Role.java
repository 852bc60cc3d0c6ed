package org.gateboard.base;

import java.util.List;

/**
 * Who may do what: the three roles a person's account holds ({@link #PEOPLE}, stored in {@code app_user.role})
 * and the two that machines are given when they authenticate. Annotations need constants, so {@link Names}
 * spells each role for {@code @RolesAllowed} and {@code hasRole}. Shared by every feature, so it lives in base
 * rather than in security (which itself depends on the venue registry).
 */
public enum Role {
    /** Registry, users, posters and printing. */
    ADMIN(Names.ADMIN),
    /** All venues read, refusal review, city-wide policy. */
    OFFICIAL(Names.OFFICIAL),
    /** Only the venues assigned to them. */
    MANAGER(Names.MANAGER),
    /** Machines (big screens) reading the stats API with a stats token: every venue's figures, nothing else. */
    STATS(Names.STATS),
    /** Gate devices authenticated by bearer token on the device API. */
    DEVICE(Names.DEVICE);

    /** The roles an account can be given. */
    public static final List<Role> PEOPLE = List.of(ADMIN, OFFICIAL, MANAGER);

    /** Each role's name as a constant, for annotations ({@code @RolesAllowed(Role.Names.ADMIN)}). */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String OFFICIAL = "OFFICIAL";
        public static final String MANAGER = "MANAGER";
        public static final String STATS = "STATS";
        public static final String DEVICE = "DEVICE";

        private Names() {
        }
    }

    Role(String name) {
        if (!name.equals(name())) {
            throw new IllegalStateException("Role " + name() + " is spelled " + name + " in Role.Names");
        }
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether an account (a person) can hold this role. */
    public boolean isPerson() {
        return PEOPLE.contains(this);
    }

    public boolean seesAllVenues() {
        return this != MANAGER;
    }
}
