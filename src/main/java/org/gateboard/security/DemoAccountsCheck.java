package org.gateboard.security;

import org.gateboard.base.StartRefused;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Production does not start while an account still has its demo password (printed in the README and at
 * every demo start): a database that once ran in demo mode must be cleaned up first.
 */
@Component
@Profile("prod")
@Order(0)
class DemoAccountsCheck implements ApplicationRunner {

    static final List<String> DEMO_USERNAMES = List.of("admin", "official", "manager");

    private final UserRepository users;
    private final PasswordEncoder encoder;

    DemoAccountsCheck(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> demo = demoAccounts();
        if (!demo.isEmpty()) {
            throw new StartRefused("The prod profile does not start while demo accounts exist: " + demo
                    + " still have their public demo passwords.",
                    "Start once without the prod profile (with gateboard.demo.enabled=false), give these accounts "
                            + "new passwords or disable them on the Users page, then start with prod again.");
        }
    }

    List<String> demoAccounts() {
        return DEMO_USERNAMES.stream()
                .filter(name -> users.findByUsername(name)
                        .filter(row -> row.enabled()
                                && encoder.matches(name + AccountBootstrap.DEMO_PASSWORD_SUFFIX, row.passwordHash()))
                        .isPresent())
                .toList();
    }
}
