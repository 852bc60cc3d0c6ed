package org.gateboard.live;

import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.DeviceReported;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.VerdictsStored;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.testsupport.VerdictFixture.admitted;
import static org.gateboard.testsupport.VerdictFixture.refused;

class LiveCountersTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LiveCounters counters;
    @Autowired
    StatsAssembler assembler;
    @Autowired
    ZoneId venueZone;

    @Test
    void countsRebuiltFromTheDatabaseEqualTheLiveCountsAndIncludeRowsStoredWhileDown() {
        VerdictFixture fixture = new VerdictFixture(context);
        TestVenue v = fixture.newVenue("测试区", 1);
        Instant now = Instant.now();
        fixture.store(List.of(admitted(v, 0, now, PersonRole.BIDDER, 9.0),
                refused(v, 0, now, PersonRole.EXPERT, RefusalReason.CODE_RED, RefusalReason.NO_MASK),
                VerdictFixture.verdict(v.id(), v.gate(0).id(), v.device(0).id(), now, Outcome.ADMITTED, Set.of(),
                        PersonRole.STAFF, 50.0, true)));
        VenueStats live = stats(v);

        fixture.insertOnly(List.of(admitted(v, 0, now, PersonRole.BIDDER, 11.0)));
        counters.recount();
        VenueStats rebuilt = stats(v);

        assertThat(live.summary().admitted()).isEqualTo(2);
        assertThat(rebuilt.summary().admitted()).isEqualTo(3);
        assertThat(rebuilt.summary().refused()).isEqualTo(live.summary().refused()).isEqualTo(1);
        assertThat(rebuilt.refusalsByReason()).isEqualTo(live.refusalsByReason());
        assertThat(rebuilt.summary().nonConforming()).isEqualTo(1);
        assertThat(rebuilt.devices().get(0).nonConforming()).isEqualTo(1);
        assertThat(live.gates().get(0).medianCheckSeconds()).isEqualTo(29.5);
        assertThat(rebuilt.gates().get(0).medianCheckSeconds()).isEqualTo(11.0);
        assertThat(rebuilt.gates().get(0).timedChecks()).isEqualTo(3);
    }

    @Test
    void verdictsOfAnEarlierDayAreLeftToTheDatabase() {
        VerdictFixture fixture = new VerdictFixture(context);
        TestVenue v = fixture.newVenue("测试区", 1);
        Instant yesterday = LocalDate.now(venueZone).minusDays(1).atTime(10, 0).atZone(venueZone).toInstant();
        fixture.publish(new VerdictsStored(0, List.of(admitted(v, 0, yesterday, PersonRole.BIDDER, null),
                refused(v, 0, Instant.now(), PersonRole.BIDDER, RefusalReason.FEVER))));
        assertThat(stats(v).summary().refused()).as("today's verdict of the same event").isEqualTo(1);
        assertThat(stats(v).summary().admitted()).isZero();
    }

    @Test
    void slowChecksOrCrowdsRaiseAQueueWarning() {
        GateWindow.Median slow = new GateWindow.Median(45.0, 10);
        GateWindow.Median quick = new GateWindow.Median(8.0, 10);
        assertThat(assembler.queueWarning(slow, 1)).isTrue();
        assertThat(assembler.queueWarning(quick, 2)).isFalse();
        assertThat(assembler.queueWarning(quick, 7)).as("busy 56 s a minute").isTrue();
        assertThat(assembler.queueWarning(new GateWindow.Median(null, 0), 25)).isTrue();
        assertThat(assembler.queueWarning(new GateWindow.Median(45.0, 2), 1)).as("too few timed checks").isFalse();
    }

    @Test
    void aDeviceThatReportsAnOlderPolicyVersionThanTheVenuesIsFlagged() {
        VerdictFixture fixture = new VerdictFixture(context);
        TestVenue v = fixture.newVenue("测试区", 2);
        Instant now = Instant.now();
        fixture.publish(new DeviceReported(v.device(0).id(), v.gate(0).id(), v.id(), now, 0, 0L, 0));
        fixture.publish(new DeviceReported(v.device(1).id(), v.gate(1).id(), v.id(), now, 0, 0L, 1));

        List<DeviceHealth> devices = stats(v).devices();

        assertThat(devices).extracting(DeviceHealth::currentPolicyVersion).containsOnly(1);
        assertThat(devices).extracting(DeviceHealth::policyOutdated).containsExactly(true, false);
    }

    private VenueStats stats(TestVenue v) {
        return TodaysFigures.of(context, v.id());
    }
}
