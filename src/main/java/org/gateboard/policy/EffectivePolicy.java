package org.gateboard.policy;

import java.time.Instant;

/**
 * One immutable policy version: the parameters a gate applies and when they took effect.
 *
 * @param version         names exactly these parameters; gates report it with every verdict
 * @param venueId         the venue whose tightening this is, or null for the city baseline
 * @param baselineVersion for a venue's tightening: the baseline it was merged with; null for a baseline
 */
public record EffectivePolicy(int version, Long venueId, Integer baselineVersion, Instant effectiveFrom,
                              PolicyParameters params, String reason) {

    public boolean isBaseline() {
        return venueId == null;
    }

    /** Whether a gate of this venue may apply this version: the baseline or the venue's own tightening. */
    public boolean appliesTo(long venueId) {
        return this.venueId == null || this.venueId == venueId;
    }
}
