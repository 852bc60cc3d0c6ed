package org.gateboard.live;

import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.PostingVenue;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.StoredVerdict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every figure of today is the same after a restart (a recount from the tallies) as the events made it. */
class RestartCountsTest extends HttpTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LiveCounters counters;
    @Autowired
    ZoneId venueZone;

    @Test
    void todaysFiguresAfterARecountFromTheDatabaseEqualThoseCountedFromEvents() throws Exception {
        PostingVenue v = PostingVenue.create(context, baseUrl(), 3);
        Instant now = Instant.now();
        Instant dayStart = LocalDate.now(venueZone).atStartOfDay(venueZone).toInstant();
        long spanMs = Math.max(1, Math.min(Duration.ofHours(5).toMillis(), now.toEpochMilli() - dayStart.toEpochMilli() - 1));
        Random random = new Random(42);
        RefusalReason[] reasons = RefusalReason.values();
        PersonRole[] roles = PersonRole.values();
        int total = 0;
        for (int batch = 0; batch < 12; batch++) {
            int g = batch % 3;
            List<StoredVerdict> verdicts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // a third in the last ten minutes (the gates' windows), the rest over the day so far
                Instant at = i % 3 == 0 ? now.minusMillis(random.nextInt(540_000))
                        : now.minusMillis((long) (random.nextDouble() * spanMs));
                PersonRole role = roles[random.nextInt(roles.length)];
                Double check = random.nextInt(4) == 0 ? null : 2 + random.nextInt(400) / 10.0;
                int kind = random.nextInt(10);
                Outcome outcome = kind < 6 ? Outcome.ADMITTED : Outcome.REFUSED;
                Set<RefusalReason> why = outcome == Outcome.ADMITTED ? Set.of()
                        : kind == 9 ? Set.of(RefusalReason.CODE_RED, reasons[3 + random.nextInt(3)])
                        : Set.of(random.nextBoolean() ? RefusalReason.CODE_RED : RefusalReason.CODE_YELLOW);
                verdicts.add(VerdictFixture.verdict(v.id(), v.gateList().get(g).id(), v.devices().get(g), at, outcome,
                        why, role, check, outcome == Outcome.ADMITTED && kind == 5));
            }
            v.gates().get(g).post(verdicts);
            total += verdicts.size();
        }
        await(() -> total(v.id()), total, "verdicts counted live");
        // the gates count as online once their devices' last contacts are flushed (about a second after each
        // request); compared before that, the counted figures said "offline" and the recount "online"
        await(() -> online(v.id()), v.gateList().size(), "gates online once their contacts are flushed");
        // both as of one moment just after the recount: windows read at a later moment have moved on
        long nowMs = System.currentTimeMillis() + 10_000;
        VenueStats counted = TodaysFigures.of(context, v.id(), nowMs);

        assertThat(counters.recount()).isTrue();
        assertThat(System.currentTimeMillis()).as("the recount finished before the moment compared").isLessThan(nowMs);
        VenueStats recounted = TodaysFigures.of(context, v.id(), nowMs);

        assertThat(counted.summary().admitted() + counted.summary().refused()).isEqualTo(total);
        assertThat(counted.summary().nonConforming()).isPositive();
        assertThat(counted.gates()).allSatisfy(g -> assertThat(g.timedChecks()).isPositive());
        assertThat(recounted.summary()).isEqualTo(counted.summary());
        assertThat(recounted.refusalsByReason()).isEqualTo(counted.refusalsByReason());
        assertThat(recounted.byRole()).isEqualTo(counted.byRole());
        assertThat(recounted.hourly()).isEqualTo(counted.hourly());
        assertThat(recounted.gates()).isEqualTo(counted.gates());
        // last contacts come from a flush about a second after each request, so they may move on meanwhile
        assertThat(recounted.devices()).extracting(DeviceHealth::nonConforming)
                .isEqualTo(counted.devices().stream().map(DeviceHealth::nonConforming).toList());
    }

    /** Waits up to 30 s for {@code value} to reach {@code expected}, then asserts that it is exactly that. */
    private static void await(LongSupplier value, long expected, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (value.getAsLong() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(value.getAsLong()).as(what).isEqualTo(expected);
    }

    private int online(long venueId) {
        return TodaysFigures.of(context, venueId, System.currentTimeMillis()).summary().onlineGates();
    }

    private long total(long venueId) {
        DayCounts c = counters.today(venueId);
        return c.admitted + c.refused;
    }
}
