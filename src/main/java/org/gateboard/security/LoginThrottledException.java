package org.gateboard.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for this name from this address, from this address, or for this name from
 * everywhere. Known and unknown names get this same answer, before any password is checked.
 */
public class LoginThrottledException extends AuthenticationException {

    LoginThrottledException() {
        super("Too many failed sign-ins; try again later");
    }
}
