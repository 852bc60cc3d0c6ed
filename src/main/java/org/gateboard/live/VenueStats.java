package org.gateboard.live;

import org.gateboard.venue.Venue;
import org.gateboard.verdict.RefusalReason;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the venue view shows for one day.
 *
 * @param refusalsByReason each refused verdict counts once for every reason it gives, so the sum can
 *                         exceed {@code refused}
 * @param hourly           24 hours of the day in venue time, admitted against refused
 */
public record VenueStats(VenueSummary summary, Map<RefusalReason, Long> refusalsByReason, List<RoleCount> byRole,
                         List<HourCount> hourly, List<GateStats> gates, List<DeviceHealth> devices) {

    public Venue venue() {
        return summary.venue();
    }

    public LocalDate date() {
        return summary.date();
    }

    public boolean live() {
        return summary.live();
    }

    public Set<VenueWarning> warnings() {
        return summary.warnings();
    }
}
