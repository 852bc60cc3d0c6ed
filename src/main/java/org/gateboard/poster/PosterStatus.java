package org.gateboard.poster;

/**
 * A venue's poster at a glance: the latest published version and the latest version printed in full (every
 * channel it posts); {@code null} when there is none. Outdated: published but not printed since.
 */
public record PosterStatus(long venueId, String venueCode, String venueNameZh, String venueNameEn,
                           Integer publishedVersion, Integer printedVersion) {

    public boolean outdated() {
        return publishedVersion != null && (printedVersion == null || printedVersion < publishedVersion);
    }
}
