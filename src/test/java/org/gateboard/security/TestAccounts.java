package org.gateboard.security;

import org.gateboard.base.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Fresh, uniquely named accounts for tests that change an account's state (the database is shared). */
public final class TestAccounts {

    public static final String PASSWORD = "correct-horse-42";

    private TestAccounts() {
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account through the admin service, as an admin would; answers its username. */
    public static String create(UserService users, Role role, Set<Long> venueIds) {
        String username = uniqueName(role.name().toLowerCase());
        asAdmin(() -> users.create(new UserService.NewUser(username, "Test " + username, PASSWORD, role, venueIds,
                null)));
        return username;
    }

    public static long idOf(UserService users, String username) {
        return users.signedInUser(username).orElseThrow().id();
    }

    /** Runs an admin-only service call outside any UI, restoring whoever was signed in before. */
    public static <T> T asAdmin(Supplier<T> action) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void asAdmin(Runnable action) {
        asAdmin(() -> {
            action.run();
            return null;
        });
    }
}
