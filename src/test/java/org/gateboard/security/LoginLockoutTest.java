package org.gateboard.security;

import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.security.TestAccounts.PASSWORD;
import static org.gateboard.security.TestAccounts.asAdmin;

class LoginLockoutTest extends UiTest {

    @Autowired
    UserService users;

    @Test
    void fiveWrongPasswordsInARowLockTheAccountSoEvenTheRightOneIsRefused() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(name, "not-the-password")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> login(name, PASSWORD)).isInstanceOf(LockedException.class);
        UserAccount account = account(name);
        assertThat(account.lockedAt(Instant.now())).isTrue();
        assertThat(account.lockedUntil()).isBetween(Instant.now().plusSeconds(14 * 60),
                Instant.now().plusSeconds(15 * 60 + 5));
    }

    @Test
    void fourWrongPasswordsDoNotLockAndASuccessStartsTheCountAgain() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(name, "not-the-password")).isInstanceOf(BadCredentialsException.class);
        }
        login(name, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(name, "not-the-password")).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(login(name, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void anAdminCanLiftALockAndTheAccountSignsInAgain() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(name, "not-the-password")).isInstanceOf(BadCredentialsException.class);
        }

        asAdmin(() -> users.unlock(TestAccounts.idOf(users, name)));

        assertThat(login(name, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        long id = TestAccounts.idOf(users, name);

        asAdmin(() -> users.setEnabled(id, false));
        assertThatThrownBy(() -> login(name, PASSWORD)).isInstanceOf(DisabledException.class);

        asAdmin(() -> users.setEnabled(id, true));
        assertThat(login(name, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void anUnknownUsernameFailsLikeAWrongPassword() {
        assertThatThrownBy(() -> login(TestAccounts.uniqueName("nobody"), PASSWORD))
                .isInstanceOf(BadCredentialsException.class);
    }

    private UserAccount account(String username) {
        return asAdmin(() -> users.list().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow());
    }
}
