package org.gateboard.security;

import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.venue.VenueService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;

/**
 * The first accounts. Demo mode: admin, official and manager with the demo passwords from the README.
 * Otherwise, on an empty database: one admin whose password comes from GATEBOARD_ADMIN_PASSWORD; without
 * it the app refuses to start rather than run with no way in (or a default password).
 */
@Component
@Order(2)
class AccountBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD_SUFFIX = "123";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final UserService users;
    private final VenueService venues;
    private final boolean demo;
    private final String adminUsername;
    private final String adminPassword;

    AccountBootstrap(UserService users, VenueService venues,
                     @Value("${gateboard.demo.enabled:false}") boolean demo,
                     @Value("${GATEBOARD_ADMIN_USERNAME:admin}") String adminUsername,
                     @Value("${GATEBOARD_ADMIN_PASSWORD:}") String adminPassword) {
        this.users = users;
        this.venues = venues;
        this.demo = demo;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.anyUserExists()) {
            return;
        }
        if (demo) {
            Set<Long> cityCentre = venues.venues().stream().filter(v -> v.code().equals("SH-CITY"))
                    .map(v -> v.id()).collect(java.util.stream.Collectors.toSet());
            users.createUnchecked(new UserService.NewUser("admin", "系统管理员", "admin" + DEMO_PASSWORD_SUFFIX,
                    Role.ADMIN, Set.of(), "zh-CN"));
            users.createUnchecked(new UserService.NewUser("official", "监管处 王科长", "official" + DEMO_PASSWORD_SUFFIX,
                    Role.OFFICIAL, Set.of(), "zh-CN"));
            users.createUnchecked(new UserService.NewUser("manager", "市中心 李经理", "manager" + DEMO_PASSWORD_SUFFIX,
                    Role.MANAGER, cityCentre, "zh-CN"));
            log.info("Demo accounts created: admin/admin123, official/official123, manager/manager123");
            return;
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new StartRefused("The database has no accounts and demo mode is off: set "
                    + "GATEBOARD_ADMIN_PASSWORD (8 to 72 characters) for the first admin account, "
                    + "then start again. It is used only while no account exists.");
        }
        try {
            UserService.NewUser.checkPassword(adminPassword);
        } catch (UserFacingException e) {
            throw new StartRefused("GATEBOARD_ADMIN_PASSWORD is too short or too long: use 8 to 72 "
                    + "characters for the first admin account, then start again.");
        }
        users.createUnchecked(new UserService.NewUser(adminUsername, "Administrator", adminPassword, Role.ADMIN,
                Set.of(), "zh-CN"));
        log.info("First admin account '{}' created from GATEBOARD_ADMIN_PASSWORD", adminUsername);
    }

    /** Start-up stops here rather than run with no way in; {@link org.gateboard.base.StartRefusedAnalyzer} prints it plainly. */
    static class StartRefused extends org.gateboard.base.StartRefused {
        StartRefused(String message) {
            super(message, "Set GATEBOARD_ADMIN_PASSWORD in the environment (or run with demo data on an embedded "
                    + "database, which is the default without the prod profile).");
        }
    }
}
