package org.gateboard.refusal;

import org.gateboard.base.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/** Runs service calls as a signed-in person of the given role, as the views and the API do. */
final class RefusalTestSupport {

    private RefusalTestSupport() {
    }

    static <T> T as(String username, Role role, Supplier<T> call) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    static <T> T official(Supplier<T> call) {
        return as("official", Role.OFFICIAL, call);
    }
}
