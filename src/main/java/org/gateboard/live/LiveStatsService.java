package org.gateboard.live;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import com.github.benmanes.caffeine.cache.Cache;
import org.gateboard.base.Caches;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.db.ReplicaReads;
import org.gateboard.security.VenueAccess;
import org.gateboard.venue.Venue;
import org.gateboard.verdict.VerdictTallies;
import org.gateboard.verdict.VerdictTally;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live dashboard's figures: today's counted live in memory, past days summed from the verdict feature's
 * tallies (and reused for a minute, {@code gateboard.cache.live-past-days}). Who sees which venue is {@link VenueAccess}'s answer, asked by every
 * method here that takes or lists venues, and asked again before every push. Subscriptions push today's
 * figures at most twice a second per subscriber.
 */
@Service
public class LiveStatsService {

    private final LiveCounters counters;
    private final Registry registry;
    private final VerdictTallies tallies;
    private final StatsAssembler assembler;
    private final LiveUpdates updates;
    private final VenueAccess access;
    private final Clock clock;
    private final ZoneId zone;
    /** Past days' figures per venue ({@code gateboard.cache.live-past-days}); expiry runs on elapsed time. */
    private final Cache<LocalDate, Map<Long, DayCounts>> pastDays;

    LiveStatsService(LiveCounters counters, Registry registry, VerdictTallies tallies,
                     StatsAssembler assembler, LiveUpdates updates, VenueAccess access,
                     Clock clock, ZoneId venueZone, Caches caches) {
        this.counters = counters;
        this.registry = registry;
        this.tallies = tallies;
        this.assembler = assembler;
        this.updates = updates;
        this.access = access;
        this.clock = clock;
        this.zone = venueZone;
        this.pastDays = caches.build("live-past-days");
    }

    /** Today in venue time (Asia/Shanghai). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The venues the signed-in person may see, in registry order. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER, Role.Names.STATS})
    public List<Venue> visibleVenues() {
        VenueAccess.Scope scope = access.currentScope();
        return registry.get().venues().stream().filter(v -> scope.includes(v.id())).toList();
    }

    /** Whether the venue exists and the signed-in person may see it. */
    public boolean canSee(long venueId) {
        return access.canSee(venueId) && registry.knowing(venueId).venue(venueId).isPresent();
    }

    /** One card per visible venue for a day (null: today). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER, Role.Names.STATS})
    public List<VenueSummary> overview(LocalDate date) {
        return allVenues(date).stream().map(VenueStats::summary).toList();
    }

    /** Every visible venue's figures for a day (null: today), in registry order, each from one snapshot. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER, Role.Names.STATS})
    public List<VenueStats> allVenues(LocalDate date) {
        LocalDate day = checked(date);
        List<Venue> venues = visibleVenues();
        if (day.equals(today())) {
            return venues.stream().map(v -> liveStats(v.id())).toList();
        }
        Registry.Snapshot reg = registry.get();
        Map<Long, DayCounts> counts = pastDay(day);
        long now = clock.millis();
        return venues.stream().map(v -> assembler.stats(v, day, false,
                counts.getOrDefault(v.id(), new DayCounts()), reg, now)).toList();
    }

    /** A visible venue's figures for a day (null: today); an invisible or unknown venue is "not found". */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER, Role.Names.STATS})
    public VenueStats venue(long venueId, LocalDate date) {
        LocalDate day = checked(date);
        if (!canSee(venueId)) {
            throw new UserFacingException("venue.error.notFound");
        }
        if (day.equals(today())) {
            return liveStats(venueId);
        }
        Registry.Snapshot reg = registry.get();
        return assembler.stats(reg.venue(venueId).orElseThrow(), day, false,
                pastDay(day).getOrDefault(venueId, new DayCounts()), reg, clock.millis());
    }

    /**
     * Today's cards of the venues the signed-in person may see, pushed when they change. Each push holds the
     * venues they may see at that moment: a manager removed from a venue gets its card no more.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER})
    public Registration subscribeOverview(Consumer<List<VenueSummary>> listener) {
        return subscribeOverview(Function.identity(), listener);
    }

    /**
     * As {@link #subscribeOverview(Consumer)}, each card turned by {@code present} into what a view shows. A push
     * round presents each venue's card once for all the subscribers whose {@code present} is equal, and hands
     * them the same result, so the work per screen is only what it does with it.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER})
    public <T> Registration subscribeOverview(Function<VenueSummary, T> present, Consumer<List<T>> listener) {
        Supplier<VenueAccess.Scope> scope = access.scopeOfCurrentUser();
        return updates.subscribe(LiveUpdates.ALL, () -> true, memo -> {
            VenueAccess.Scope now = scope.get();
            return registry.get().venues().stream().filter(v -> now.includes(v.id()))
                    .map(v -> presented(memo, v.id(), Part.CARD, present, stats -> present.apply(stats.summary())))
                    .toList();
        }, listener);
    }

    /**
     * Today's figures of one visible venue, pushed when they change, for as long as the person may still see
     * the venue: the subscription ends by itself at the first push after they lose it.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER})
    public Registration subscribeVenue(long venueId, Consumer<VenueStats> listener) {
        return subscribeVenue(venueId, Function.identity(), listener);
    }

    /**
     * As {@link #subscribeVenue(long, Consumer)}, the figures turned by {@code present} into what a view shows,
     * once per push round for all the venue's subscribers whose {@code present} is equal; each gets that same
     * result.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.OFFICIAL, Role.Names.MANAGER})
    public <T> Registration subscribeVenue(long venueId, Function<VenueStats, T> present, Consumer<T> listener) {
        if (!canSee(venueId)) {
            throw new UserFacingException("venue.error.notFound");
        }
        Supplier<VenueAccess.Scope> scope = access.scopeOfCurrentUser();
        return updates.subscribe(venueId, () -> scope.get().includes(venueId),
                memo -> presented(memo, venueId, Part.VENUE, present, present), listener);
    }

    private enum Part { VENUE, CARD }

    /** A round's shared result: a venue's figures (or its card) presented by an equal {@code presenter}. */
    private record Presented(long venueId, Part part, Object presenter) {
    }

    @SuppressWarnings("unchecked")
    private <T> T presented(Map<Object, Object> memo, long venueId, Part part, Object presenter,
                            Function<VenueStats, T> present) {
        Presented key = new Presented(venueId, part, presenter);
        Object shared = memo.get(key);
        if (shared == null) {
            shared = present.apply(memoized(memo, venueId));
            memo.put(key, shared);
        }
        return (T) shared;
    }

    private VenueStats memoized(Map<Object, Object> memo, long venueId) {
        return (VenueStats) memo.computeIfAbsent(venueId, id -> liveStats(venueId));
    }

    private VenueStats liveStats(long venueId) {
        Registry.Snapshot reg = registry.get();
        Venue venue = reg.venue(venueId).orElseThrow(() -> new UserFacingException("venue.error.notFound"));
        return assembler.stats(venue, today(), true, counters.today(venueId), reg, clock.millis());
    }

    private LocalDate checked(LocalDate date) {
        LocalDate today = today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new UserFacingException("live.error.futureDate");
        }
        return date;
    }

    private Map<Long, DayCounts> pastDay(LocalDate day) {
        Map<Long, DayCounts> cached = pastDays.getIfPresent(day);
        if (cached != null) {
            return cached;
        }
        List<Long> venueIds = registry.get().venues().stream().map(Venue::id).toList();
        Instant start = day.atStartOfDay(zone).toInstant();
        Map<Long, DayCounts> counts = new HashMap<>();
        // a past day's tallies no longer change but for a late backlog: the replica may answer (never today's)
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        for (VerdictTally t : ReplicaReads.read(() -> tallies.between(venueIds, start, end))) {
            counts.computeIfAbsent(t.venueId(), id -> new DayCounts())
                    .add(t, (int) ((t.periodStart().toEpochMilli() - start.toEpochMilli()) / 3_600_000L));
        }
        pastDays.put(day, counts);
        return counts;
    }
}
