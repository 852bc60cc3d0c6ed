package org.gateboard.live;

import org.gateboard.venue.Venue;

import java.time.LocalDate;
import java.util.Set;

/**
 * A venue's card on the city overview, for one day.
 *
 * @param live              the day is today, counted live; past days have no rate and no online figures
 * @param arrivalsPerMinute verdicts per minute over the last 5 minutes; null for past days
 * @param onlineGates       active gates with at least one device in contact; null for past days
 * @param gates             active gates
 */
public record VenueSummary(Venue venue, LocalDate date, boolean live, long admitted, long refused,
                           long nonConforming, Double arrivalsPerMinute, Integer onlineGates, int gates,
                           Set<VenueWarning> warnings) {

    public long total() {
        return admitted + refused;
    }

    /** Refused share of all verdicts, 0 when there are none. */
    public double refusalRate() {
        return total() == 0 ? 0 : (double) refused / total();
    }
}
