package org.gateboard.venue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin enters for a venue. The constraints are checked by the form, field by field, and again by
 * {@link VenueService} (through {@link org.gateboard.base.Drafts}); a code may come with spaces around it.
 */
public record VenueDraft(
        @NotNull(message = "{venue.error.code}")
        @Pattern(regexp = "[\\x00-\\x20]*[A-Za-z0-9_-]{2,32}[\\x00-\\x20]*", message = "{venue.error.code}")
        String code,
        @NotBlank(message = "{venue.error.nameZh}") @Size(max = 128, message = "{venue.error.nameZh}")
        String nameZh,
        @NotBlank(message = "{venue.error.nameEn}") @Size(max = 128, message = "{venue.error.nameEn}")
        String nameEn,
        @NotNull(message = "{venue.error.level}")
        VenueLevel level,
        @Size(max = 64, message = "{venue.error.tooLong}")
        String district,
        @Size(max = 255, message = "{venue.error.tooLong}")
        String address) {
}
