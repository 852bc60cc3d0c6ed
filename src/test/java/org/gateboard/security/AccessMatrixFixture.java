package org.gateboard.security;

import org.gateboard.base.Role;
import org.gateboard.poster.PosterService;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.VenueService;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The callers of the access matrix, made fresh for each run: venues A and B (a gate and a device each), an
 * admin, an official, a manager of each venue, a device token of venue A, and a second device of venue A for
 * the admin API's device actions to act on (rotating or revoking the caller's own would change the caller),
 * venue A's published poster and a refusal at venue A.
 */
final class AccessMatrixFixture {

    private static final Pattern ROUTE_PARAMETER = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    final VerdictFixture.TestVenue venueA;
    final VerdictFixture.TestVenue venueB;
    final String deviceToken;
    final long spareDeviceId;
    /** A refusal at venue A, for the refusal review's pages and endpoints. */
    final UUID refusalA;
    final Map<AccessMatrix.Who, String> usernames = new EnumMap<>(AccessMatrix.Who.class);

    AccessMatrixFixture(ApplicationContext context) {
        UserService users = context.getBean(UserService.class);
        VenueService venues = context.getBean(VenueService.class);
        VerdictFixture fixture = new VerdictFixture(context);
        venueA = fixture.newVenue("静安区", 1);
        venueB = fixture.newVenue("徐汇区", 1);
        IssuedToken device = TestAccounts.asAdmin(() -> venues.registerDevice(venueA.gate(0).id(), "matrix device"));
        deviceToken = device.token();
        spareDeviceId = TestAccounts.asAdmin(() -> venues.registerDevice(venueA.gate(0).id(), "matrix spare"))
                .deviceId();
        PosterService posters = context.getBean(PosterService.class);
        TestAccounts.asAdmin(() -> {
            posters.saveDraft(posters.draft(venueA.id()));
            posters.publish(venueA.id(), "access matrix");
        });
        refusalA = new PersonalVerdicts(context).refused(venueA, Instant.now().minusSeconds(60),
                PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);
        usernames.put(AccessMatrix.Who.ADMIN, TestAccounts.create(users, Role.ADMIN, Set.of()));
        usernames.put(AccessMatrix.Who.OFFICIAL, TestAccounts.create(users, Role.OFFICIAL, Set.of()));
        usernames.put(AccessMatrix.Who.MANAGER_A, TestAccounts.create(users, Role.MANAGER, Set.of(venueA.id())));
        usernames.put(AccessMatrix.Who.MANAGER_B, TestAccounts.create(users, Role.MANAGER, Set.of(venueB.id())));
    }

    /** A route template as declared: parameters keep their names and lose their regular expressions. */
    static String routeKey(String template) {
        StringBuilder key = new StringBuilder();
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The location to open for a route key: every parameter is venue A, or venue A's refusal. */
    String routeLocation(String key) {
        Matcher m = ROUTE_PARAMETER.matcher(key.replace(":verdictId", refusalA.toString()));
        return m.replaceAll(String.valueOf(venueA.id()));
    }

    /** The path to request for an endpoint pattern; a variable the table cannot fill fails the test. */
    String endpointPath(String pattern) {
        String path = pattern.replace("{venueId}", String.valueOf(venueA.id()))
                .replace("{gateId}", String.valueOf(venueA.gate(0).id()))
                .replace("{deviceId}", String.valueOf(spareDeviceId))
                .replace("{venueCode}", venueA.venue().code())
                .replace("{channel}", "APP")
                .replace("{verdictId}", refusalA.toString())
                .replace("{id}", "999999999").replace("{version}", "999999999")
                .replace("{endpoint}", "NoSuchEndpoint").replace("{method}", "call")
                .replace("/**", "/liveness");
        if (path.contains("{") || path.contains("*")) {
            throw new IllegalStateException("No value for a variable of " + pattern
                    + ": say in AccessMatrixFixture.endpointPath what to fill it with");
        }
        return path;
    }
}
