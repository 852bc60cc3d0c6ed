package org.gateboard.policy;

import java.time.Instant;
import java.util.List;

/**
 * One venue's policy now.
 *
 * @param own                  the venue's own parameters in force, null when it follows the baseline
 * @param inForceSince         when this effective policy came in force at the venue
 * @param overriddenByBaseline the parameters on which the baseline is stricter than the venue's own value
 *                             (the baseline's value applies): the notice its managers see
 */
public record VenuePolicy(long venueId, String code, String nameZh, String nameEn, EffectivePolicy effective,
                          PolicyParameters own, Instant inForceSince, List<PolicyParameter> overriddenByBaseline) {

    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
