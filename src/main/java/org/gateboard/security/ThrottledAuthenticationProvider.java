package org.gateboard.security;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check for the login form and HTTP Basic alike, behind the {@link LoginThrottle}. A throttled
 * sign-in is refused before the name is even looked up, so known and unknown names take the same path; an
 * unknown name otherwise costs the same BCrypt work as a wrong password (Spring's own timing mitigation).
 * Only someone who gave the right password learns that an account is disabled.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    static final String UNKNOWN_ADDRESS = "unknown";

    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle) {
        super(users);
        setPasswordEncoder(passwords);
        setPreAuthenticationChecks(user -> {
        });
        setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = addressOf(authentication);
        boolean throttled;
        try {
            throttled = throttle.throttled(username, address);
        } catch (DataAccessException e) {
            // Refused like a wrong password (401, or back to the form), never a 5xx from the bookkeeping.
            throw new InternalAuthenticationServiceException("The sign-in throttle could not be read", e);
        }
        if (throttled) {
            throw new LoginThrottledException();
        }
        try {
            return super.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            throttle.recordFailure(username, address);
            throw wrong;
        }
    }

    /** The client's address as Tomcat sees it: the proxy's view of it when forwarded headers are trusted. */
    static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return UNKNOWN_ADDRESS;
    }
}
