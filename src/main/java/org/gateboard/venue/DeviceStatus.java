package org.gateboard.venue;

/** ACTIVE devices may call the API; DISABLED ones are refused until enabled again; REVOKED is final. */
public enum DeviceStatus {
    ACTIVE, DISABLED, REVOKED
}
