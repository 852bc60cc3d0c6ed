package org.gateboard.security;

import org.gateboard.base.StartRefusedAnalyzer;
import org.gateboard.base.StartRefused;
import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile's check, run on the tests' database, which demo mode filled. */
class DemoAccountsCheckTest extends DatabaseTest {

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void productionRefusesToStartWhileDemoAccountsHaveTheirDemoPasswords() {
        DemoAccountsCheck check = new DemoAccountsCheck(users, encoder);

        assertThatThrownBy(() -> check.run(null)).isInstanceOf(StartRefused.class)
                .hasMessageContaining("demo accounts").hasMessageContaining("admin");
        FailureAnalysis analysis = new StartRefusedAnalyzer().analyze(
                new IllegalStateException("Failed to execute ApplicationRunner", catchRefusal(check)));
        assertThat(analysis.getDescription()).contains("[admin, official, manager]");
        assertThat(analysis.getAction()).contains("new passwords");
    }

    @Test
    void anAccountNamedAdminWithItsOwnPasswordIsNoDemoAccount() {
        UserRepository.Row admin = users.findByUsername("admin").orElseThrow();
        PasswordEncoder changed = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String hash) {
                // as if admin had a password of its own: only its hash stops matching the demo password
                return !hash.equals(admin.passwordHash()) && encoder.matches(raw, hash);
            }
        };

        assertThat(new DemoAccountsCheck(users, changed).demoAccounts()).containsExactly("official", "manager");
    }

    private static StartRefused catchRefusal(DemoAccountsCheck check) {
        try {
            check.run(null);
        } catch (StartRefused e) {
            return e;
        }
        throw new AssertionError("not refused");
    }
}
