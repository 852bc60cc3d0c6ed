package org.gateboard.venue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin enters for a gate. The constraints are checked by the form, field by field, and again by
 * {@link VenueService} (through {@link org.gateboard.base.Drafts}); a code may come with spaces around it.
 */
public record GateDraft(
        @NotNull(message = "{venue.gate.error.code}")
        @Pattern(regexp = "[\\x00-\\x20]*[A-Za-z0-9_-]{1,32}[\\x00-\\x20]*", message = "{venue.gate.error.code}")
        String code,
        @NotBlank(message = "{venue.gate.error.name}") @Size(max = 128, message = "{venue.gate.error.name}")
        String nameZh,
        @NotBlank(message = "{venue.gate.error.name}") @Size(max = 128, message = "{venue.gate.error.name}")
        String nameEn) {
}
