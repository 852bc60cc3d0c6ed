package org.gateboard.base;

/**
 * The roles people hold, as used in {@code @RolesAllowed} and {@code hasRole}. Shared by every feature,
 * so it lives in base rather than in security (which itself depends on the venue registry).
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OFFICIAL = "OFFICIAL";
    public static final String MANAGER = "MANAGER";
    /** Machines (big screens) reading the stats API with a stats token: every venue's figures, nothing else. */
    public static final String STATS = "STATS";
    /** Gate devices authenticated by bearer token on the device API. */
    public static final String DEVICE = "DEVICE";

    private Roles() {
    }
}
