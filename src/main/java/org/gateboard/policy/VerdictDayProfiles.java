package org.gateboard.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * A day's real verdicts, grouped, for "what if": implemented by the verdict feature, which owns the verdict
 * table (and depends on this feature, so the dependency runs that way round).
 */
public interface VerdictDayProfiles {

    /** The verdicts scanned on {@code day} (venue time) at these venues, grouped by their facts. */
    List<DayProfileRow> dayProfile(LocalDate day, Collection<Long> venueIds);
}
