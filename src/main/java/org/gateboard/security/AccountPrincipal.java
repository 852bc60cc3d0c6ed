package org.gateboard.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/**
 * A signed-in person as the session holds them, with the account's version at sign-in: any admin change
 * to the account bumps the version, and a session holding an older one is ended ({@link AccountSessions}).
 */
final class AccountPrincipal extends User {

    private final int accountVersion;

    AccountPrincipal(String username, String password, boolean enabled,
                     Collection<? extends GrantedAuthority> authorities, int accountVersion) {
        super(username, password, enabled, true, true, true, authorities);
        this.accountVersion = accountVersion;
    }

    int accountVersion() {
        return accountVersion;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
