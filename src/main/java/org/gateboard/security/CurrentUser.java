package org.gateboard.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is signed in: name, role, language, wall-screen account or not. Which venues they may see is
 * {@link VenueAccess}'s answer, the one place that decides it.
 */
@Component
public class CurrentUser {

    private final UserService users;

    CurrentUser(UserService users) {
        this.users = users;
    }

    public Optional<SignedInUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return Optional.empty();
        }
        return users.signedInUser(auth.getName());
    }

    public SignedInUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No one is signed in"));
    }
}
