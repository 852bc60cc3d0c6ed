package org.gateboard.venue;

import org.gateboard.base.UserFacingException;

/** What an admin enters for a venue. */
public record VenueDraft(String code, String nameZh, String nameEn, VenueLevel level, String district,
                         String address) {

    void validate() {
        if (code == null || !code.trim().matches("[A-Za-z0-9_-]{2,32}")) {
            throw new UserFacingException("venue.error.code");
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 128) {
            throw new UserFacingException("venue.error.nameZh");
        }
        if (nameEn == null || nameEn.isBlank() || nameEn.length() > 128) {
            throw new UserFacingException("venue.error.nameEn");
        }
        if (level == null) {
            throw new UserFacingException("venue.error.level");
        }
        if (district != null && district.length() > 64 || address != null && address.length() > 255) {
            throw new UserFacingException("venue.error.tooLong");
        }
    }
}
