package org.gateboard.verdict.api;

import org.gateboard.base.Role;
import org.gateboard.venue.DeviceIdentity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A gate device signed in by its bearer token. The token itself is not kept. */
final class DeviceAuthentication extends AbstractAuthenticationToken {

    private final DeviceIdentity device;

    DeviceAuthentication(DeviceIdentity device) {
        super(AuthorityUtils.createAuthorityList(Role.DEVICE.authority()));
        this.device = device;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public DeviceIdentity getPrincipal() {
        return device;
    }

    @Override
    public String getName() {
        return "device:" + device.deviceId();
    }
}
