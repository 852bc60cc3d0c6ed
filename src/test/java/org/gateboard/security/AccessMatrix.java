package org.gateboard.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who reaches what: every Vaadin route and every HTTP endpoint of the application, with who may reach it.
 * {@link RouteAccessMatrixTest} and {@link EndpointAccessMatrixTest} find the routes and endpoints at run
 * time and hold each to this table; one that is not declared here fails them, by name.
 *
 * <p>A new route or endpoint adds one line: its key (a route's template, parameters without their
 * regular expressions; an endpoint's method and pattern) and who may reach it. Everyone not named must be
 * refused: sent to the login page, shown the access-denied or not-found page, or answered 401 or 403.
 * Parameters are filled with venue A (its id, a gate of it, a device of it), whose manager is
 * {@link Who#MANAGER_A}; {@link Who#MANAGER_B} manages venue B only, so a venue page allowed to
 * {@code MANAGER_A} and not to {@code MANAGER_B} shows that a manager cannot open another venue's page.
 */
final class AccessMatrix {

    /** The callers every route and endpoint is tried with. */
    enum Who { ANONYMOUS, ADMIN, OFFICIAL, MANAGER_A, MANAGER_B, DEVICE }

    static final Set<Who> NOBODY = EnumSet.noneOf(Who.class);
    static final Set<Who> ANYONE = EnumSet.allOf(Who.class);
    static final Set<Who> PEOPLE = EnumSet.of(Who.ADMIN, Who.OFFICIAL, Who.MANAGER_A, Who.MANAGER_B);
    static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);
    static final Set<Who> OVERSIGHT = EnumSet.of(Who.ADMIN, Who.OFFICIAL);
    /** Whoever may see venue A: the city-wide roles and venue A's own manager. */
    static final Set<Who> VENUE_A = EnumSet.of(Who.ADMIN, Who.OFFICIAL, Who.MANAGER_A);
    static final Set<Who> DEVICES = EnumSet.of(Who.DEVICE);
    static final Set<Who> OFFICIALS = EnumSet.of(Who.OFFICIAL);
    /** Officials and venue A's manager: a refusal at venue A (managers read their own venues' only). */
    static final Set<Who> REVIEW_A = EnumSet.of(Who.OFFICIAL, Who.MANAGER_A);
    /** Officials and every manager: pages each of them sees scoped to their own venues. */
    static final Set<Who> REVIEWERS = EnumSet.of(Who.OFFICIAL, Who.MANAGER_A, Who.MANAGER_B);
    static final Set<Who> POSTER_MAKERS = EnumSet.of(Who.ADMIN, Who.MANAGER_A, Who.MANAGER_B);
    static final Set<Who> POSTER_MAKERS_A = EnumSet.of(Who.ADMIN, Who.MANAGER_A);

    /** Vaadin routes (the UI). A device has no session, so it is refused wherever anonymous is. */
    static final Map<String, Set<Who>> ROUTES = table(
            "login", ANYONE,
            "", PEOPLE,
            "venues/:___url_parameter", VENUE_A,
            "admin/venues", ADMINS,
            "admin/venues/:venueId/gates", ADMINS,
            "admin/users", ADMINS,
            "admin/audit", ADMINS,
            "admin/stats-tokens", ADMINS,
            "admin/retention", ADMINS,
            "policy", PEOPLE,
            "policy/venues/:___url_parameter", VENUE_A,
            "posters", PEOPLE,
            "posters/:venueId", VENUE_A,
            "posters/channels", ADMINS,
            "refusals", REVIEWERS,
            "refusals/:verdictId", REVIEW_A,
            "refusals/queue", REVIEWERS,
            "refusals/looks", OFFICIALS,
            // pages that exist only in the tests' class path
            "test-only/venues/:venueId", VENUE_A);

    /** Routes not tried, each with the reason. */
    static final Map<String, String> ROUTES_NOT_TRIED = Map.of(
            "test-only/failing/:how", "exists only in tests, to fail on purpose (ErrorPagesTest)");

    /**
     * HTTP endpoints: Spring MVC controllers (the device API, the admin and stats APIs), the actuator and
     * the OpenAPI document and its UI. The OpenAPI entries state the test profile's rule; production may be
     * stricter.
     */
    static final Map<String, Set<Who>> ENDPOINTS = table(
            "GET /api/v1/policy", DEVICES,
            "POST /api/v1/verdicts", DEVICES,
            "POST /api/v1/heartbeat", DEVICES,
            "GET /api/v1/stats/venues", OVERSIGHT,
            "GET /api/v1/admin/venues", ADMINS,
            "POST /api/v1/admin/venues", ADMINS,
            "GET /api/v1/admin/venues/{venueId}", ADMINS,
            "GET /api/v1/admin/venues/{venueId}/gates", ADMINS,
            "POST /api/v1/admin/venues/{venueId}/gates", ADMINS,
            "GET /api/v1/admin/gates/{gateId}/devices", ADMINS,
            "POST /api/v1/admin/gates/{gateId}/devices", ADMINS,
            "POST /api/v1/admin/devices/{deviceId}/rotate", ADMINS,
            "DELETE /api/v1/admin/devices/{deviceId}", ADMINS,
            "GET /api/v1/policies", PEOPLE,
            "GET /api/v1/policies/history", PEOPLE,
            "POST /api/v1/policies/baseline", OFFICIALS,
            "POST /api/v1/policies/venues/{venueCode}", REVIEW_A,
            // the table's body names no venue: a baseline draft, which only officials may replay
            "POST /api/v1/policies/what-if", OFFICIALS,
            // filled with an id and a version that do not exist: nobody gets past 401/403/404; who may approve
            // and cancel is tested with real ones in PolicyApiHttpTest
            "POST /api/v1/policies/pending/{id}/approve", NOBODY,
            "DELETE /api/v1/policies/scheduled/{version}", NOBODY,
            "GET /api/v1/channels", POSTER_MAKERS,
            "PUT /api/v1/admin/channels/{channel}", ADMINS,
            "GET /api/v1/posters/{venueCode}.pdf", POSTER_MAKERS_A,
            "GET /api/v1/posters/{venueCode}/{channel}.pdf", POSTER_MAKERS_A,
            "GET /api/v1/posters/outdated", ADMINS,
            "POST /api/v1/refusals/search", REVIEWERS,
            "POST /api/v1/refusals/export", REVIEWERS,
            "GET /api/v1/refusals/{verdictId}", REVIEW_A,
            "GET /api/v1/refusals/{verdictId}/evidence", REVIEW_A,
            "POST /api/v1/refusals/{verdictId}/reviews", OFFICIALS,
            "POST /api/v1/refusals/reviews", OFFICIALS,
            "POST /api/v1/admin/retention/run", ADMINS,
            "GET /actuator", ADMINS,
            "GET /actuator/health", ANYONE,
            "GET /actuator/health/**", ANYONE,
            "GET /actuator/info", ANYONE,
            "GET /actuator/prometheus", ADMINS,
            "GET /v3/api-docs", ANYONE,
            // outside the API chain's /v3/api-docs/**: a page of the UI chain, like /error
            "GET /v3/api-docs.yaml", NOBODY,
            "GET /v3/api-docs/swagger-config", ANYONE,
            "GET /swagger-ui.html", ANYONE,
            // the container forwards errors here; asked for directly, it is a page of the UI chain, which sends
            // callers without a session to the login page
            "GET /error", NOBODY,
            // Hilla's entry point for browser-callable services; Gateboard has none
            "POST /connect/{endpoint}/{method}", NOBODY);

    /** Declared endpoints a test context does not have, each with the reason. */
    static final Map<String, String> ABSENT_IN_TESTS = Map.of(
            "GET /actuator/prometheus", "Spring Boot's tests switch metrics export off");

    /**
     * Leaks the tests know of and tolerate, as "WHO key" (e.g. {@code "MANAGER_B GET /api/v1/stats/venues"}),
     * until the hole is closed; then the entry must go (the tests fail while a listed leak no longer leaks).
     */
    static final Set<String> KNOWN_LEAKS = Set.of();

    private AccessMatrix() {
    }

    private static Map<String, Set<Who>> table(Object... keysAndWho) {
        Map<String, Set<Who>> table = new LinkedHashMap<>();
        for (int i = 0; i < keysAndWho.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<Who> who = (Set<Who>) keysAndWho[i + 1];
            if (table.put((String) keysAndWho[i], who) != null) {
                throw new IllegalStateException("Declared twice: " + keysAndWho[i]);
            }
        }
        return table;
    }

    /** Compares what was found with what is declared: the keys nobody declared, and declared keys not found. */
    static String undeclared(Set<String> found, Set<String> declared, String what) {
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(declared);
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(found);
        stale.removeIf(key -> key.startsWith("test-only/") || ABSENT_IN_TESTS.containsKey(key));
        StringBuilder message = new StringBuilder();
        if (!missing.isEmpty()) {
            message.append(what).append(" with no declared expectation (add them to AccessMatrix): ")
                    .append(missing).append('\n');
        }
        if (!stale.isEmpty()) {
            message.append(what).append(" declared in AccessMatrix but not found (remove them): ").append(stale)
                    .append('\n');
        }
        return message.toString();
    }

    /**
     * Checks one outcome against the table and the known leaks; answers a line for the failure report, or
     * null when it is as declared.
     */
    static String judge(Who who, String key, Set<Who> allowed, boolean reached, String detail) {
        boolean expected = allowed.contains(who);
        boolean knownLeak = KNOWN_LEAKS.contains(who + " " + key);
        if (reached == expected && !knownLeak) {
            return null;
        }
        if (knownLeak) {
            return reached && !expected ? null
                    : "known leak no longer leaks (remove it from KNOWN_LEAKS): " + who + " " + key + " (" + detail + ")";
        }
        return (reached ? "LEAK: " : "refused though allowed: ") + who + " " + key + " (" + detail + ")";
    }
}
