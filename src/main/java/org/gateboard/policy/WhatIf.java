package org.gateboard.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a draft would have done to a day's real verdicts at the venues it affects: how many would have
 * turned out differently (refused instead of admitted, or the other way round) than the policy each
 * verdict's gate applied called for; by venue, by refusal reason and by person role.
 *
 * @param newlyRefusedByReason among those the draft refuses that were admitted: the draft's reasons
 * @param newlyAdmittedByReason among those the draft admits that were refused: the reasons they were refused for
 */
public record WhatIf(LocalDate day, long verdicts, long changed, long newlyRefused, long newlyAdmitted,
                     List<VenueCounts> byVenue, Map<String, Long> newlyRefusedByReason,
                     Map<String, Long> newlyAdmittedByReason, Map<String, Long> newlyRefusedByRole,
                     Map<String, Long> newlyAdmittedByRole) {

    public record VenueCounts(long venueId, String venueCode, long verdicts, long newlyRefused, long newlyAdmitted) {
    }
}
