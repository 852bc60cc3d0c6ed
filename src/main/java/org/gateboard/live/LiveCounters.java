package org.gateboard.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gateboard.base.ThisNode;
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
import java.util.Set;
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
 *
 * <p>With several nodes, each node's tallies are its own ({@link ThisNode}), and the numbering above holds for
 * this node's batches only. So a venue's figures are this node's counts, kept exactly as above, plus each
 * other node's counts: as that node last told them over the live bus ({@link OtherNodes}) while it is heard,
 * else as the database held them at the last recount (a node that stopped, an earlier run of this one, or all
 * of them when there is no bus). A node taken for stopped is forgotten only once a recount has read its last
 * tallies, so its figures never dip in between. Other nodes' window facts (arrivals, check times) are added to
 * the windows as they come; a recount rebuilds the windows from the database (every node's verdicts), so a
 * batch told just after a recount read it may be counted twice there, for the few minutes a window holds it.
 */
@Component
class LiveCounters implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveCounters.class);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** One day's counts per venue; hours are counted from {@code startMs}. */
    record Day(LocalDate date, long startMs, long endMs, Map<Long, DayCounts> venues) {
    }

    /**
     * Everything a recount replaces, as one value: this node's days, the other nodes' days as the database held
     * them (by node), the gates' windows, and the last of this node's batches the snapshot held.
     */
    private record Counts(Map<LocalDate, Day> days, Map<Long, Map<LocalDate, Day>> stored,
                          Map<Long, GateWindow> windows, long throughSequence) {
    }

    private final VerdictTallies tallies;
    private final Registry registry;
    private final LastContacts contacts;
    private final LiveUpdates updates;
    private final OtherNodes others;
    private final long self;
    private final Clock clock;
    private final ZoneId zone;
    /** Guards {@link #counts} swaps against events being applied, and {@link #arrivedDuringRecount}. */
    private final Object applying = new Object();
    private volatile Counts counts = new Counts(new ConcurrentHashMap<>(), Map.of(), new ConcurrentHashMap<>(), 0);
    private List<VerdictsStored> arrivedDuringRecount;
    private List<WindowFacts.Gate> otherFactsDuringRecount;
    /** Set once a bus tells other nodes what this one counted; until then nothing below is kept. */
    private volatile boolean sharing;
    /** This node's venues whose counts changed since the bus last took them, and its window facts. */
    private final Set<Long> ownChanged = ConcurrentHashMap.newKeySet();
    private final WindowFacts ownFacts = new WindowFacts();
    /** Nodes taken for stopped: forgotten once a recount has read their tallies. */
    private final Set<Long> stopped = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService recounter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-recount");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean recountRequested = new AtomicBoolean();
    private final Duration recountInterval;
    private final Timer recounts;

    LiveCounters(VerdictTallies tallies, Registry registry, LastContacts contacts, LiveUpdates updates,
                 OtherNodes others, ThisNode node, LiveSettings settings, MeterRegistry meters, Clock clock,
                 ZoneId venueZone) {
        this.others = others;
        this.self = node.id();
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
        List<Long> leaving = List.copyOf(stopped);
        synchronized (applying) {
            arrivedDuringRecount = new ArrayList<>();
            otherFactsDuringRecount = new ArrayList<>();
        }
        Optional<TallySnapshot> snapshot;
        try {
            snapshot = tallies.snapshot(venueIds, startOf(today), startOf(today.plusDays(2)),
                    Instant.ofEpochMilli(now).minus(WINDOW), Duration.ofMillis(GateWindow.ARRIVAL_BUCKET_MS));
        } catch (RuntimeException e) {
            synchronized (applying) {
                arrivedDuringRecount = null;
                otherFactsDuringRecount = null;
            }
            throw e;
        }
        if (snapshot.isEmpty()) {
            synchronized (applying) {
                arrivedDuringRecount = null;
                otherFactsDuringRecount = null;
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
            for (WindowFacts.Gate g : otherFactsDuringRecount) {
                WindowFacts.apply(g, fresh.windows().computeIfAbsent(g.gate(), id -> new GateWindow()), now);
            }
            arrivedDuringRecount = null;
            otherFactsDuringRecount = null;
            counts = fresh;
            if (sharing) {
                ownChanged.addAll(venueIds);
            }
        }
        leaving.forEach(n -> {
            others.forget(n);
            stopped.remove(n);
        });
        contacts.reload();
        venueIds.forEach(updates::changed);
        recounts.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return true;
    }

    private Counts counted(TallySnapshot snapshot, LocalDate today, long now) {
        Map<LocalDate, Day> days = new ConcurrentHashMap<>();
        Map<Long, Map<LocalDate, Day>> stored = new HashMap<>();
        days.put(today, newDay(today));
        for (VerdictTally t : snapshot.tallies()) {
            long at = t.periodStart().toEpochMilli();
            Map<LocalDate, Day> target = t.node() == self ? days
                    : stored.computeIfAbsent(t.node(), n -> new HashMap<>());
            Day day = target.computeIfAbsent(LocalDate.ofInstant(t.periodStart(), zone), this::newDay);
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
        return new Counts(days, stored, windows, snapshot.throughSequence());
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
            if (sharing && target == counts) {
                ownFacts.add(v.gateId(), scanned, v.checkSeconds());
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
                if (sharing) {
                    ownChanged.add(v.venueId());
                }
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

    /** A venue's counts for today over every node (a copy; empty when nothing was counted). */
    DayCounts today(long venueId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Counts c = counts;
        DayCounts sum = new DayCounts();
        addVenue(sum, c.days(), today, venueId);
        Set<Long> nodes = new java.util.HashSet<>(c.stored().keySet());
        nodes.addAll(others.nodes());
        for (long node : nodes) {
            if (node == self) {
                continue;
            }
            if (others.knows(node, today)) {
                DayCounts theirs = others.counts(node, today, venueId);
                if (theirs != null) {
                    sum.addAll(theirs);
                }
            } else {
                addVenue(sum, c.stored().getOrDefault(node, Map.of()), today, venueId);
            }
        }
        return sum;
    }

    private static void addVenue(DayCounts sum, Map<LocalDate, Day> days, LocalDate date, long venueId) {
        Day day = days.get(date);
        DayCounts c = day == null ? null : day.venues().get(venueId);
        if (c != null) {
            sum.addAll(c);
        }
    }

    /** This node's own counts of today, per venue, for the bus: those that changed since last asked, or all. */
    Map<Long, DayCounts> ownToday(LocalDate today, boolean all) {
        Day day = counts.days().get(today);
        Map<Long, DayCounts> out = new HashMap<>();
        Set<Long> venues = all ? (day == null ? Set.of() : day.venues().keySet()) : drained();
        if (all) {
            ownChanged.clear();
        }
        for (Long venue : venues) {
            DayCounts c = day == null ? null : day.venues().get(venue);
            out.put(venue, c == null ? new DayCounts() : c.copy());
        }
        return out;
    }

    private Set<Long> drained() {
        Set<Long> venues = new java.util.HashSet<>();
        for (java.util.Iterator<Long> it = ownChanged.iterator(); it.hasNext(); ) {
            venues.add(it.next());
            it.remove();
        }
        return venues;
    }

    /** Starts keeping what the bus tells other nodes (nothing is kept on a single node). */
    void share() {
        sharing = true;
    }

    /** This node's window facts since last asked. */
    List<WindowFacts.Gate> ownWindowFacts() {
        synchronized (applying) {
            return ownFacts.drain();
        }
    }

    /** Another node's window facts: added to the gates' windows now, and again after a recount running now. */
    void otherWindowFacts(List<WindowFacts.Gate> facts) {
        long now = clock.millis();
        synchronized (applying) {
            for (WindowFacts.Gate g : facts) {
                WindowFacts.apply(g, counts.windows().computeIfAbsent(g.gate(), id -> new GateWindow()), now);
            }
            if (otherFactsDuringRecount != null) {
                otherFactsDuringRecount.addAll(facts);
            }
        }
    }

    /** A node stopped or went silent: a recount reads its last tallies, then what it told is forgotten. */
    void nodeStopped(long node) {
        if (stopped.add(node)) {
            requestRecount();
        }
    }

    GateWindow window(long gateId) {
        return counts.windows().get(gateId);
    }
}
