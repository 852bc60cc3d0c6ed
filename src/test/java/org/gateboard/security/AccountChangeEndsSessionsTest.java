package org.gateboard.security;

import org.gateboard.base.Role;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.security.TestAccounts.PASSWORD;
import static org.gateboard.security.TestAccounts.asAdmin;

/**
 * An admin's change to an account ends that person's open sessions at once, over real HTTP: the browser
 * signed in before the change is sent to the login page on its next request, whatever it held before.
 */
class AccountChangeEndsSessionsTest extends HttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    UserService users;
    @Autowired
    VenueService venues;
    @Autowired
    AccountSessions sessions;

    @Test
    void disablingAnAccountEndsItsOpenSession() throws Exception {
        checkSessionEndsAfter(Role.OFFICIAL, Set.of(), id -> users.setEnabled(id, false));
    }

    @Test
    void resettingThePasswordEndsTheOpenSession() throws Exception {
        checkSessionEndsAfter(Role.OFFICIAL, Set.of(), id -> users.resetPassword(id, "another-password-1"));
    }

    @Test
    void demotingAnAdminEndsTheOpenSessionSoTheAdminPagesNeedASignInAgain() throws Exception {
        checkSessionEndsAfter(Role.ADMIN, Set.of(), id -> users.update(account(id)
                .withChanges(account(id).displayName(), Role.OFFICIAL, Set.of(), true, false)));
    }

    @Test
    void changingAManagersVenuesEndsTheOpenSession() throws Exception {
        checkSessionEndsAfter(Role.MANAGER, Set.of(venueId("SH-CITY")), id -> users.update(account(id)
                .withChanges(account(id).displayName(), Role.MANAGER, Set.of(venueId("PD")), true, false)));
    }

    private void checkSessionEndsAfter(Role role, Set<Long> venueIds, Consumer<Long> change) throws Exception {
        String name = TestAccounts.create(users, role, venueIds);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(browser, name);
        assertThat(get(browser, "/admin/users").statusCode()).as("signed in").isEqualTo(200);
        assertThat(sessions.openSessions(name)).isEqualTo(1);

        asAdmin(() -> change.accept(TestAccounts.idOf(users, name)));

        assertThat(sessions.openSessions(name)).as("ended at once, before any further request").isZero();
        HttpResponse<String> next = get(browser, "/admin/users");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private void signIn(HttpClient browser, String username) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get(browser, "/login").body());
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("login");
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private UserAccount account(long id) {
        return users.list().stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    private long venueId(String code) {
        return venues.venues().stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow().id();
    }
}
