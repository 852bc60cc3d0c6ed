package org.gateboard.live;

import org.gateboard.poster.PosterService;
import org.gateboard.venue.Device;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;
import org.gateboard.verdict.DeviceContact;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns counts, windows and contacts into the records views and the API show, and applies the warning
 * rules (see {@link LiveSettings} and docs/live-dashboard.md).
 */
@Component
class StatsAssembler {

    private final LiveCounters counters;
    private final LastContacts contacts;
    private final LiveSettings settings;
    private final ObjectProvider<CurrentPolicyVersions> policyVersions;
    private final ObjectProvider<PosterService> posters;

    StatsAssembler(LiveCounters counters, LastContacts contacts, LiveSettings settings,
                   ObjectProvider<CurrentPolicyVersions> policyVersions, ObjectProvider<PosterService> posters) {
        this.counters = counters;
        this.contacts = contacts;
        this.settings = settings;
        this.policyVersions = policyVersions;
        this.posters = posters;
    }

    /** A venue's figures; {@code live} adds the windows (rates, check times) and online states of now. */
    VenueStats stats(Venue venue, LocalDate date, boolean live, DayCounts counts, Registry.Snapshot registry,
                     long nowMs) {
        Optional<CurrentPolicyVersions.InForce> currentPolicy = policyVersions
                .getIfAvailable(() -> CurrentPolicyVersions.UNKNOWN).current(venue.id());
        Map<Long, String> gateCodes = new java.util.HashMap<>();
        registry.gatesOf(venue.id()).forEach(g -> gateCodes.put(g.id(), g.code()));

        List<DeviceHealth> devices = new ArrayList<>();
        Set<Long> onlineGateIds = new HashSet<>();
        boolean offline = false;
        boolean outdated = false;
        for (Device d : registry.devicesOf(venue.id())) {
            DeviceContact c = contacts.get(d.id());
            boolean active = d.status() == DeviceStatus.ACTIVE;
            boolean online = active && c != null
                    && nowMs - c.lastContact().toEpochMilli() <= settings.offlineAfter().toMillis();
            boolean old = c != null && currentPolicy.isPresent() && currentPolicy.get().isBehind(c.policyVersion(), nowMs);
            if (online) {
                onlineGateIds.add(d.gateId());
            }
            offline |= active && !online;
            outdated |= active && old;
            devices.add(new DeviceHealth(d, gateCodes.getOrDefault(d.gateId(), "?"), online,
                    c == null ? null : c.lastContact(), c == null ? null : c.backlog(),
                    c == null ? null : c.clockSkewMs(), c == null ? null : c.policyVersion(),
                    currentPolicy.map(CurrentPolicyVersions.InForce::version).orElse(null), old,
                    counts.nonConformingByDevice.getOrDefault(d.id(), 0L)));
        }

        List<GateStats> gates = new ArrayList<>();
        long arrivals = 0;
        int activeGates = 0;
        int onlineGates = 0;
        boolean queue = false;
        for (Gate g : registry.gatesOf(venue.id())) {
            long[] n = counts.gate(g.id());
            if (!g.active() && n[0] + n[1] == 0) {
                continue;
            }
            if (g.active()) {
                activeGates++;
                if (onlineGateIds.contains(g.id())) {
                    onlineGates++;
                }
            }
            if (!live) {
                gates.add(new GateStats(g, n[0], n[1], null, 0, null, false, false));
                continue;
            }
            GateWindow window = counters.window(g.id());
            long gateArrivals = window == null ? 0 : window.arrivals(nowMs);
            GateWindow.Median median = window == null ? new GateWindow.Median(null, 0) : window.medianCheck(nowMs);
            double perMinute = gateArrivals / 5.0;
            boolean warn = queueWarning(median, perMinute);
            queue |= warn;
            arrivals += gateArrivals;
            gates.add(new GateStats(g, n[0], n[1], median.seconds(), median.checks(), perMinute, warn,
                    onlineGateIds.contains(g.id())));
        }

        Set<VenueWarning> warnings = EnumSet.noneOf(VenueWarning.class);
        long total = counts.admitted + counts.refused;
        if (total >= settings.highRefusalMinVerdicts() && total > 0
                && (double) counts.refused / total >= settings.highRefusalRate()) {
            warnings.add(VenueWarning.HIGH_REFUSAL_RATE);
        }
        if (counts.nonConforming > 0) {
            warnings.add(VenueWarning.NON_CONFORMING);
        }
        if (live) {
            if (queue) {
                warnings.add(VenueWarning.QUEUE);
            }
            if (offline) {
                warnings.add(VenueWarning.DEVICE_OFFLINE);
            }
            if (outdated) {
                warnings.add(VenueWarning.POLICY_OUTDATED);
            }
            PosterService poster = posters.getIfAvailable();
            if (poster != null && poster.outdatedVenueIds().contains(venue.id())) {
                warnings.add(VenueWarning.POSTER_OUTDATED);
            }
        }
        VenueSummary summary = new VenueSummary(venue, date, live, counts.admitted, counts.refused,
                counts.nonConforming, live ? arrivals / 5.0 : null, live ? onlineGates : null, activeGates,
                Set.copyOf(warnings));

        Map<RefusalReason, Long> byReason = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : DayCounts.REASONS) {
            byReason.put(r, counts.refusedByReason[r.ordinal()]);
        }
        List<RoleCount> byRole = new ArrayList<>();
        for (PersonRole r : DayCounts.ROLES) {
            byRole.add(new RoleCount(r, counts.admittedByRole[r.ordinal()], counts.refusedByRole[r.ordinal()]));
        }
        List<HourCount> hourly = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hourly.add(new HourCount(h, counts.hourAdmitted[h], counts.hourRefused[h]));
        }
        return new VenueStats(summary, byReason, List.copyOf(byRole), List.copyOf(hourly), List.copyOf(gates),
                List.copyOf(devices));
    }

    /**
     * People are likely waiting at a gate when checks are slow (median over the last 10 minutes at or over
     * the limit), when many arrive (arrivals over the last 5 minutes at or over the limit a minute), or when
     * arrivals times the median check time keep the gate busy nearly all the time.
     */
    boolean queueWarning(GateWindow.Median median, double arrivalsPerMinute) {
        if (arrivalsPerMinute >= settings.queueArrivalsPerMinute()) {
            return true;
        }
        if (median.seconds() == null || median.checks() < settings.queueMinTimedChecks()) {
            return false;
        }
        return median.seconds() >= settings.queueMedianCheckSeconds()
                || arrivalsPerMinute * median.seconds() >= 60 * settings.queueUtilisation();
    }
}
