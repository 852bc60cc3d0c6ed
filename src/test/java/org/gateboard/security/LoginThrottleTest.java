package org.gateboard.security;

import org.gateboard.base.Role;
import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.gateboard.security.TestAccounts.PASSWORD;
import static org.gateboard.security.TestAccounts.asAdmin;

/**
 * The sign-in throttle (docs/architecture.md, "Sign-in throttle"): failures counted in a sliding window
 * that a success does not reset, per account and address, per address, and per account from everywhere;
 * known and unknown names answered alike.
 */
class LoginThrottleTest extends DatabaseTest {

    /** Addresses of this test alone: the database, and with it the per-address counts, is shared. */
    private final String HOME = address();
    private final String ELSEWHERE = address();

    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    UserService users;
    @Autowired
    LoginThrottle throttle;

    @Test
    void fiveWrongPasswordsFromOneAddressRefuseEvenTheRightOneFromThere() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        failFiveTimes(name, HOME);

        assertThatThrownBy(() -> signIn(name, PASSWORD, HOME)).isInstanceOf(LoginThrottledException.class);
        assertThat(throttledUntil(name)).as("not a lock of the account for everybody").isNull();
    }

    @Test
    void aSuccessInBetweenDoesNotResetTheCount() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn(name, "wrong-password", HOME)).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(signIn(name, PASSWORD, HOME).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn(name, "wrong-password", HOME)).isInstanceOf(BadCredentialsException.class);

        assertThatThrownBy(() -> signIn(name, PASSWORD, HOME)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void theOwnerSignsInFromAnotherAddressWhileOneAddressIsThrottled() {
        String name = TestAccounts.create(users, Role.ADMIN, Set.of());
        failFiveTimes(name, HOME);

        assertThat(signIn(name, PASSWORD, ELSEWHERE).isAuthenticated()).isTrue();
    }

    @Test
    void failuresAgainstOneAccountFromManyAddressesThrottleItForEveryone() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        for (int i = 0; i < LoginThrottle.DEFAULT_PER_ACCOUNT; i++) {
            throttle.recordFailure(name, "10.9." + (i / 200) + "." + (i % 200));
        }

        assertThatThrownBy(() -> signIn(name, PASSWORD, ELSEWHERE)).isInstanceOf(LoginThrottledException.class);
        assertThat(throttledUntil(name)).isNotNull();

        asAdmin(() -> users.unlock(TestAccounts.idOf(users, name)));
        assertThat(signIn(name, PASSWORD, ELSEWHERE).isAuthenticated()).isTrue();
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledForEveryName() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        String address = address();
        for (int i = 0; i < LoginThrottle.DEFAULT_PER_ADDRESS; i++) {
            throttle.recordFailure(TestAccounts.uniqueName("guess"), address);
        }

        assertThatThrownBy(() -> signIn(name, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
        assertThat(signIn(name, PASSWORD, ELSEWHERE).isAuthenticated()).isTrue();
    }

    @Test
    void anUnknownNameIsAnsweredExactlyAsAKnownOne() {
        String known = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        String unknown = TestAccounts.uniqueName("nobody");
        Throwable first = catchThrowable(() -> signIn(unknown, "wrong-password", HOME));
        assertThat(first).isInstanceOf(BadCredentialsException.class)
                .hasMessage(catchThrowable(() -> signIn(known, "wrong-password", HOME)).getMessage());

        failFiveTimes(known, ELSEWHERE);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(unknown, "wrong-password", ELSEWHERE))
                    .isInstanceOf(BadCredentialsException.class);
        }
        Throwable knownThrottled = catchThrowable(() -> signIn(known, PASSWORD, ELSEWHERE));
        Throwable unknownThrottled = catchThrowable(() -> signIn(unknown, PASSWORD, ELSEWHERE));
        assertThat(knownThrottled).isInstanceOf(LoginThrottledException.class);
        assertThat(unknownThrottled).isInstanceOf(LoginThrottledException.class).hasMessage(knownThrottled.getMessage());
    }

    @Test
    void aDisabledAccountSaysSoOnlyToSomeoneWithItsPassword() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        asAdmin(() -> users.setEnabled(TestAccounts.idOf(users, name), false));

        assertThatThrownBy(() -> signIn(name, "wrong-password", HOME)).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(name, PASSWORD, HOME))
                .isInstanceOf(org.springframework.security.authentication.DisabledException.class);
    }

    @Test
    void failuresLeaveTheWindowAndTheAddressMayTryAgain() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        failFiveTimes(name, HOME);

        clock.advance(Duration.ofMinutes(16));

        assertThat(signIn(name, PASSWORD, HOME).isAuthenticated()).isTrue();
    }

    private void failFiveTimes(String name, String address) {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(name, "wrong-password", address)).isInstanceOf(BadCredentialsException.class);
        }
    }

    private static String address() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private java.time.Instant throttledUntil(String name) {
        return asAdmin(() -> users.list().stream().filter(u -> u.username().equals(name)).findFirst()
                .orElseThrow().lockedUntil());
    }

    private Authentication signIn(String username, String password, String address) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        try {
            return authentication.getAuthenticationManager().authenticate(request);
        } catch (AuthenticationException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
