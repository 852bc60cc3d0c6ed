package org.gateboard.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gateboard.verdict.RecentScans;
import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.TallySnapshot;
import org.gateboard.verdict.VerdictTallies;
import org.gateboard.verdict.VerdictTally;
import org.gateboard.verdict.VerdictsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Today's counts in memory, per venue, fed by {@link VerdictsStored}, and recounted from the verdict
 * feature's tallies at start-up, every {@link LiveSettings#recountInterval()} and whenever applying an event
 * failed. The listener is an {@code @ApplicationModuleListener}: it runs once the batch has committed, on
 * the application's task executor, so several may run at once and in any order. It only adds to counters
 * under a short lock and bumps a change counter; pushing to browsers happens elsewhere ({@link LiveUpdates}).
 *
 * <p>A recount must neither lose nor double a batch that commits while it reads. Batches are numbered in
 * commit order and the tallies are read in a snapshot that says up to which number it holds
 * ({@link TallySnapshot#throughSequence()}). So: events that arrive while the recount reads are applied to
 * the old counts as usual and also kept aside; the new counts are the snapshot plus the kept events numbered
 * after it; they replace the old counts whole, in one step, so a screen shows either the old day or the new
 * one; and an event numbered within the snapshot that arrives later still (its listener ran late) is
 * skipped, as the snapshot already counted it. Additions commute, so the order events arrive in does not
 * matter. Events not numbered (0: stored outside ingestion) are always counted.
 */
@Component
class LiveCounters implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveCounters.class);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** One day's counts per venue; hours are counted from {@code startMs}. */
    record Day(LocalDate date, long startMs, long endMs, Map<Long, DayCounts> venues) {
    }

    /** Everything a recount replaces, as one value. */
    private record Counts(Map<LocalDate, Day> days, Map<Long, GateWindow> windows, long throughSequence) {
    }

    private final VerdictTallies tallies;
    private final Registry registry;
    private final LastContacts contacts;
    private final LiveUpdates updates;
    private final Clock clock;
    private final ZoneId zone;
    /** Guards {@link #counts} swaps against events being applied, and {@link #arrivedDuringRecount}. */
    private final Object applying = new Object();
    private volatile Counts counts = new Counts(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), 0);
    private List<VerdictsStored> arrivedDuringRecount;
    private final ScheduledExecutorService recounter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-recount");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean recountRequested = new AtomicBoolean();
    private final Duration recountInterval;
    private final Timer recounts;

    LiveCounters(VerdictTallies tallies, Registry registry, LastContacts contacts, LiveUpdates updates,
                 LiveSettings settings, MeterRegistry meters, Clock clock, ZoneId venueZone) {
        this.recountInterval = settings.recountInterval();
        this.recounts = Timer.builder("gateboard.live.recounts")
                .description("Recounts of today's live counts from the database, and how long each took")
                .register(meters);
        this.tallies = tallies;
        this.registry = registry;
        this.contacts = contacts;
        this.updates = updates;
        this.clock = clock;
        this.zone = venueZone;
    }

    /**
     * Counts today before the web server takes requests (reading tallies, not verdicts, so it takes as long
     * on a busy day as on a quiet one), then recounts on a schedule.
     */
    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        if (recount()) {
            log.info("Live counts recounted in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        long every = recountInterval.toMillis();
        recounter.scheduleWithFixedDelay(this::recountQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        recounter.shutdownNow();
    }

    /** Recounts on the recount thread soon; requests made before it starts are one recount. */
    void requestRecount() {
        if (recountRequested.compareAndSet(false, true)) {
            recounter.execute(() -> {
                recountRequested.set(false);
                recountQuietly();
            });
        }
    }

    private void recountQuietly() {
        try {
            if (!recount()) {
                log.info("Live counts not recounted this round: the database is busy or away");
            }
        } catch (RuntimeException e) {
            log.warn("Live counts not recounted this round", e);
        }
    }

    /**
     * Replaces today's (and tomorrow's, for clocks running ahead) counts and the gates' recent windows with
     * what the database holds, keeping the events that arrive meanwhile (see the class comment). Answers
     * false when the database could not give a snapshot; the old counts stay.
     */
    synchronized boolean recount() {
        long started = System.nanoTime();
        long now = clock.millis();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        List<Long> venueIds = registry.reload().venues().stream().map(v -> v.id()).toList();
        synchronized (applying) {
            arrivedDuringRecount = new ArrayList<>();
        }
        Optional<TallySnapshot> snapshot;
        try {
            snapshot = tallies.snapshot(venueIds, startOf(today), startOf(today.plusDays(2)),
                    Instant.ofEpochMilli(now).minus(WINDOW), Duration.ofMillis(GateWindow.ARRIVAL_BUCKET_MS));
        } catch (RuntimeException e) {
            synchronized (applying) {
                arrivedDuringRecount = null;
            }
            throw e;
        }
        if (snapshot.isEmpty()) {
            synchronized (applying) {
                arrivedDuringRecount = null;
            }
            return false;
        }
        Counts fresh = counted(snapshot.get(), today, now);
        synchronized (applying) {
            for (VerdictsStored e : arrivedDuringRecount) {
                if (e.sequence() == 0 || e.sequence() > fresh.throughSequence()) {
                    apply(fresh, e);
                }
            }
            arrivedDuringRecount = null;
            counts = fresh;
        }
        contacts.reload();
        venueIds.forEach(updates::changed);
        recounts.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return true;
    }

    private Counts counted(TallySnapshot snapshot, LocalDate today, long now) {
        Map<LocalDate, Day> days = new ConcurrentHashMap<>();
        Day first = newDay(today);
        Day second = newDay(today.plusDays(1));
        days.put(today, first);
        for (VerdictTally t : snapshot.tallies()) {
            long at = t.periodStart().toEpochMilli();
            Day day = at < first.endMs() ? first : second;
            if (day == second) {
                days.putIfAbsent(second.date(), second);
            }
            day.venues().computeIfAbsent(t.venueId(), id -> new DayCounts())
                    .add(t, (int) ((at - day.startMs()) / 3_600_000L));
        }
        Map<Long, GateWindow> windows = new ConcurrentHashMap<>();
        for (RecentScans r : snapshot.recent()) {
            GateWindow w = windows.computeIfAbsent(r.gateId(), id -> new GateWindow());
            long at = r.bucketStart().toEpochMilli();
            w.arrival(at, now, r.count());
            if (r.checkMillis() != null) {
                for (long i = r.count(); i > 0; i--) {
                    w.check(at, now, r.checkMillis() / 1000.0);
                }
            }
        }
        return new Counts(days, windows, snapshot.throughSequence());
    }

    // in memory only: no transaction of its own (NOT_SUPPORTED), so a saturated connection pool cannot stop it
    // before it runs, as the default REQUIRES_NEW would, losing the event until the minute's recount
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(VerdictsStored event) {
        try {
            synchronized (applying) {
                Counts current = counts;
                if (event.sequence() != 0 && event.sequence() <= current.throughSequence()) {
                    return; // the last recount's snapshot holds these verdicts already
                }
                apply(current, event);
                if (arrivedDuringRecount != null) {
                    arrivedDuringRecount.add(event);
                }
            }
        } catch (RuntimeException e) {
            // the counts may hold part of the batch: a recount replaces them whole
            requestRecount();
            throw e;
        }
    }

    private void apply(Counts target, VerdictsStored event) {
        long now = clock.millis();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        Day day = null;
        long lastVenue = Long.MIN_VALUE;
        for (StoredVerdict v : event.verdicts()) {
            long scanned = v.scannedAt().toEpochMilli();
            GateWindow window = target.windows().computeIfAbsent(v.gateId(), id -> new GateWindow());
            window.arrival(scanned, now, 1);
            if (v.checkSeconds() != null) {
                window.check(scanned, now, v.checkSeconds());
            }
            if (day == null || scanned < day.startMs() || scanned >= day.endMs()) {
                day = dayOf(target.days(), scanned, today);
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
     * yesterday's tallies, which past-day views read).
     */
    private Day dayOf(Map<LocalDate, Day> days, long scannedMs, LocalDate today) {
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
        return new Day(date, startOf(date).toEpochMilli(), startOf(date.plusDays(1)).toEpochMilli(),
                new ConcurrentHashMap<>());
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** A copy of a venue's counts for today (empty when nothing was counted). */
    DayCounts today(long venueId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Day day = counts.days().get(today);
        DayCounts c = day == null ? null : day.venues().get(venueId);
        return c == null ? new DayCounts() : c.copy();
    }

    GateWindow window(long gateId) {
        return counts.windows().get(gateId);
    }
}
