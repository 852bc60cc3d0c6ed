package org.gateboard.policy;

import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What the policy tests share: parameters, signing in as a role, the demo venues, and putting the policy back to
 * the notice's baseline afterwards (every test of the JVM shares the database and expects version 1 in force;
 * {@link NoticeBaseline} does it around each test).
 */
public final class PolicyTesting {

    public static final PolicyParameters NOTICE = params("37.3", true, true, "GREEN");

    private PolicyTesting() {
    }

    public static PolicyParameters params(String threshold, boolean idCheck, boolean mask, String... colors) {
        return new PolicyParameters(new BigDecimal(threshold), Set.of(colors), idCheck, mask);
    }

    public static void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    public static String newAccount(UserService users, Role role, Set<Long> venues) {
        return TestAccounts.create(users, role, venues);
    }

    /** The id of the demo venue with this code (SH-CITY, PD, ...). */
    public static long demoVenue(VenueService venues, String code) {
        return venues.venues().stream().filter(v -> v.code().equals(code)).map(Venue::id).findFirst().orElseThrow();
    }

    /** Back to the notice's baseline alone: every change and version a test made is gone. */
    public static void resetPolicies(JdbcTemplate jdbc, PolicyService policies) {
        jdbc.update("DELETE FROM policy_version WHERE venue_id IS NOT NULL");
        jdbc.update("DELETE FROM policy_version WHERE version > 1");
        jdbc.update("DELETE FROM policy_change WHERE version IS NULL OR version > 1");
        policies.forgetInForce();
        SecurityContextHolder.clearContext();
    }
}
