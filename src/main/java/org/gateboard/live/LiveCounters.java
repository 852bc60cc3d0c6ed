package org.gateboard.live;

import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.VerdictsStored;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Today's counts in memory, per venue, fed by {@link VerdictsStored}. The listener runs on the ingestion
 * thread right after its commit, so it only adds to counters under short per-venue locks and bumps a
 * change counter; pushing to browsers happens elsewhere ({@link LiveUpdates}).
 *
 * <p>At start-up, before the web server takes requests (so no verdict can be stored meanwhile), today's
 * counts, the gates' recent windows and the devices' contacts are rebuilt from the database.
 */
@Component
class LiveCounters implements SmartInitializingSingleton {

    /** One day's counts per venue; hours are counted from {@code startMs}. */
    record Day(LocalDate date, long startMs, long endMs, Map<Long, DayCounts> venues) {
    }

    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();
    private final Map<Long, GateWindow> windows = new ConcurrentHashMap<>();
    private final VerdictAggregates aggregates;
    private final Registry registry;
    private final DeviceContacts contacts;
    private final LiveUpdates updates;
    private final Clock clock;
    private final ZoneId zone;

    LiveCounters(VerdictAggregates aggregates, Registry registry, DeviceContacts contacts, LiveUpdates updates,
                 Clock clock, ZoneId venueZone) {
        this.aggregates = aggregates;
        this.registry = registry;
        this.contacts = contacts;
        this.updates = updates;
        this.clock = clock;
        this.zone = venueZone;
    }

    @Override
    public void afterSingletonsInstantiated() {
        rebuild();
    }

    /**
     * Replaces today's counts and the recent windows with what the database holds. Meant for start-up;
     * verdicts stored while it runs could be counted twice or not at all.
     */
    void rebuild() {
        long now = clock.millis();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        List<Long> venueIds = registry.reload().venues().stream().map(v -> v.id()).toList();
        Day fresh = newDay(today);
        fresh.venues().putAll(aggregates.day(venueIds, Instant.ofEpochMilli(fresh.startMs()),
                Instant.ofEpochMilli(fresh.endMs())));
        Map<Long, GateWindow> recent = new ConcurrentHashMap<>();
        aggregates.recent(venueIds, Instant.ofEpochMilli(now).minus(Duration.ofMinutes(10)), now, recent);
        days.clear();
        days.put(today, fresh);
        windows.clear();
        windows.putAll(recent);
        contacts.reload();
        venueIds.forEach(updates::changed);
    }

    /** Demo data and first accounts are created after start-up; read the registry again once they are. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        registry.reload();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(VerdictsStored event) {
        long now = clock.millis();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        Day day = null;
        long lastVenue = Long.MIN_VALUE;
        for (StoredVerdict v : event.verdicts()) {
            long scanned = v.scannedAt().toEpochMilli();
            GateWindow window = windows.computeIfAbsent(v.gateId(), id -> new GateWindow());
            window.arrival(scanned, now, 1);
            if (v.checkSeconds() != null) {
                window.check(scanned, now, v.checkSeconds());
            }
            if (day == null || scanned < day.startMs() || scanned >= day.endMs()) {
                day = dayOf(scanned, today);
            }
            if (day != null) {
                day.venues().computeIfAbsent(v.venueId(), id -> new DayCounts())
                        .add(v.outcome(), v.reasons(), v.personRole(), v.gateId(), v.deviceId(), v.nonConforming(),
                                (int) ((scanned - day.startMs()) / 3_600_000L), 1);
            }
            if (v.venueId() != lastVenue) {
                updates.changed(v.venueId());
                lastVenue = v.venueId();
            }
        }
    }

    /**
     * The in-memory day a scan belongs to: today, or tomorrow for a device whose clock runs a little ahead
     * near midnight. Earlier days are the database's business (a backlog from yesterday changes
     * yesterday's rows, which past-day views read).
     */
    private Day dayOf(long scannedMs, LocalDate today) {
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(scannedMs), zone);
        if (date.isBefore(today) || date.isAfter(today.plusDays(1))) {
            return null;
        }
        Day day = days.computeIfAbsent(date, this::newDay);
        if (days.size() > 2) {
            days.keySet().removeIf(d -> d.isBefore(today));
        }
        return day;
    }

    private Day newDay(LocalDate date) {
        return new Day(date, date.atStartOfDay(zone).toInstant().toEpochMilli(),
                date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(), new ConcurrentHashMap<>());
    }

    /** A copy of a venue's counts for today (empty when nothing was counted). */
    DayCounts today(long venueId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Day day = days.get(today);
        DayCounts counts = day == null ? null : day.venues().get(venueId);
        return counts == null ? new DayCounts() : counts.copy();
    }

    GateWindow window(long gateId) {
        return windows.get(gateId);
    }
}
