package org.gateboard.venue;

import org.gateboard.base.UserFacingException;

/** What an admin enters for a gate. */
public record GateDraft(String code, String nameZh, String nameEn) {

    void validate() {
        if (code == null || !code.trim().matches("[A-Za-z0-9_-]{1,32}")) {
            throw new UserFacingException("venue.gate.error.code");
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 128
                || nameEn == null || nameEn.isBlank() || nameEn.length() > 128) {
            throw new UserFacingException("venue.gate.error.name");
        }
    }
}
