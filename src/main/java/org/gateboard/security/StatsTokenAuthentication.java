package org.gateboard.security;

import org.gateboard.base.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** A machine reading the stats API with a stats token: read-only, every venue, no person behind it. */
final class StatsTokenAuthentication extends AbstractAuthenticationToken {

    private final long tokenId;
    private final String label;

    StatsTokenAuthentication(long tokenId, String label) {
        super(List.of(new SimpleGrantedAuthority(Role.STATS.authority())));
        this.tokenId = tokenId;
        this.label = label;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }

    @Override
    public String getName() {
        return "stats-token:" + tokenId + ":" + label;
    }
}
