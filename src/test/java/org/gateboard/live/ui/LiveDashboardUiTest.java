package org.gateboard.live.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.NotFoundException;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.ui.GbChart;
import org.gateboard.base.ui.GbTable;
import org.gateboard.base.ui.GbTables;
import org.gateboard.live.LivePushes;
import org.gateboard.live.LiveStatsService;
import org.gateboard.testsupport.UiTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.StoredVerdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.testsupport.VerdictFixture.admitted;
import static org.gateboard.testsupport.VerdictFixture.refused;

class LiveDashboardUiTest extends UiTest {

    @Autowired
    LiveStatsService live;
    @Autowired
    VenueService venues;
    @Autowired
    ZoneId venueZone;

    VerdictFixture fixture;
    LivePushes pushes;

    @BeforeEach
    void fixture() {
        fixture = new VerdictFixture(context);
        pushes = new LivePushes(context);
    }

    /** Three admitted (two timed) and two refused at gate 1, one admitted at gate 2, all just now. */
    private TestVenue seededToday() {
        TestVenue v = fixture.newVenue("测试区", 2);
        Instant now = Instant.now();
        fixture.store(List.of(
                admitted(v, 0, now, PersonRole.BIDDER, 10.0),
                admitted(v, 0, now, PersonRole.BIDDER, 20.0),
                admitted(v, 0, now, PersonRole.EXPERT, null),
                refused(v, 0, now, PersonRole.BIDDER, RefusalReason.CODE_RED),
                refused(v, 0, now, PersonRole.AGENT, RefusalReason.FEVER, RefusalReason.NO_MASK),
                admitted(v, 1, now, PersonRole.TENDERER, 30.0)));
        return v;
    }

    /**
     * Runs push rounds on this thread until the view shows {@code expected} (at most 10 s): the timer's own
     * round may take a change first and hand its push to the view a moment later.
     */
    private static void shownAfterPushes(Runnable round, Supplier<String> shown, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        round.run();
        MockVaadin.clientRoundtrip();
        while (!expected.equals(shown.get()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000);
            round.run();
            MockVaadin.clientRoundtrip();
        }
        assertThat(shown.get()).isEqualTo(expected);
    }

    private static void open(String path, String query) {
        UI.getCurrent().navigate(path, com.vaadin.flow.router.QueryParameters.fromString(query));
    }

    private static String text(String id) {
        return LocatorJ._get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static String t(String key) {
        return UI.getCurrent().getTranslation(key);
    }

    /** The value beside a (translated) label in a list of figures, as shown. */
    private static String figure(String tableId, String labelKey) {
        List<String> row = GbTables.row(LocatorJ._get(GbTable.class, spec -> spec.withId(tableId)), t(labelKey));
        assertThat(row).as("a row labelled %s in %s", t(labelKey), tableId).hasSize(2);
        return row.get(1);
    }

    private static String card(String venueCode, String labelKey) {
        return figure("figures-" + venueCode, labelKey);
    }

    private static String reason(RefusalReason reason) {
        return figure("by-reason", "verdict.reason." + reason.name());
    }

    @Test
    void cityOverviewShowsEachVenuesCountsForToday() {
        TestVenue v = seededToday();
        login("official", "official123");
        navigate("");

        String code = v.venue().code();
        assertThat(card(code, "live.admitted")).isEqualTo("4");
        assertThat(card(code, "live.refused")).isEqualTo("2");
        assertThat(card(code, "live.refusalRate")).isEqualTo("33.3%");
        assertThat(card(code, "live.onlineGates")).isEqualTo("0 / 2");
        assertThat(card(code, "live.arrivals5m")).isEqualTo("1.2 人/分钟");
        assertThat(text("warning-" + code)).contains("设备离线");
    }

    @Test
    void venueViewShowsTotalsBreakdownsHoursGatesAndDevices() {
        TestVenue v = seededToday();
        login("admin", "admin123");
        navigate("venues/" + v.id());

        assertThat(LocatorJ._get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("venue-title")).getText())
                .isEqualTo(v.venue().nameZh());
        assertThat(text("total-admitted")).isEqualTo("4");
        assertThat(text("total-refused")).isEqualTo("2");
        assertThat(text("total-rate")).isEqualTo("33.3%");
        assertThat(reason(RefusalReason.CODE_RED)).isEqualTo("1");
        assertThat(reason(RefusalReason.FEVER)).isEqualTo("1");
        assertThat(reason(RefusalReason.NO_MASK)).isEqualTo("1");
        assertThat(reason(RefusalReason.CODE_YELLOW)).isEqualTo("0");
        assertThat(text("live-indicator")).isEqualTo("● 实时");

        RoleTable roles = LocatorJ._get(RoleTable.class);
        assertThat(GbTables.headers(roles)).containsExactly("人员类别", "准入", "拒绝");
        assertThat(GbTables.row(roles, "投标人")).containsExactly("投标人", "2", "1");
        assertThat(GbTables.row(roles, t("verdict.role.AGENT"))).containsExactly(t("verdict.role.AGENT"), "0", "1");
        assertThat(GbTables.row(roles, t("verdict.role.EXPERT"))).containsExactly(t("verdict.role.EXPERT"), "1", "0");
        assertThat(GbTables.row(roles, t("verdict.role.TENDERER"))).containsExactly(t("verdict.role.TENDERER"), "1", "0");

        GbChart chart = LocatorJ._get(GbChart.class);
        assertThat(chart.getLabels()).hasSize(24).first().isEqualTo("00时");
        int hour = Instant.now().atZone(venueZone).getHour();
        assertThat(chart.getDatasets().get(0).data().get(hour).longValue()).isEqualTo(4);
        assertThat(chart.getDatasets().get(1).data().get(hour).longValue()).isEqualTo(2);

        GateTable gates = LocatorJ._get(GateTable.class);
        assertThat(GbTables.headers(gates)).hasSize(7);
        List<List<GbTable.Cell>> gateRows = GbTables.rows(gates);
        assertThat(gateRows).hasSize(2);
        assertThat(gateRows.get(0).get(0).text()).startsWith("G1 ");
        assertThat(gateRows).extracting(r -> r.get(1).text(), r -> r.get(2).text(), r -> r.get(4).text())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3", "2", "15.0 秒"),
                        org.assertj.core.groups.Tuple.tuple("1", "0", "30.0 秒"));
        assertThat(gateRows).allSatisfy(r -> assertThat(r.get(6)).isEqualTo(GbTable.Cell.badge("离线", "error")));

        DeviceTable devices = LocatorJ._get(DeviceTable.class);
        assertThat(GbTables.rows(devices)).hasSize(2)
                .allSatisfy(r -> assertThat(r.get(2)).isEqualTo(GbTable.Cell.badge("离线", "error")));
    }

    @Test
    void anEnglishSpeakerSeesTheVenueViewAndItsChartInEnglish() {
        TestVenue v = seededToday();
        login("admin", "admin123");
        UI.getCurrent().setLocale(org.gateboard.base.i18n.MessagesI18NProvider.ENGLISH);
        navigate("venues/" + v.id());

        assertThat(text("live-indicator")).isEqualTo("● Live");
        assertThat(reason(RefusalReason.FEVER)).isEqualTo("1");
        assertThat(GbTables.headers(LocatorJ._get(RoleTable.class))).containsExactly("Role", "Admitted", "Refused");
        GbChart chart = LocatorJ._get(GbChart.class);
        assertThat(chart.getLabels()).hasSize(24).startsWith("00:00", "01:00").endsWith("23:00");
        assertThat(chart.getDatasets()).extracting(GbChart.Dataset::label).containsExactly("Admitted", "Refused");
        assertThat(chart.getDatasets()).extracting(GbChart.Dataset::colorRole).containsExactly("success", "error");
    }

    @Test
    void wallScreensLeftOpenOverMidnightMoveOnToTheNewDay() {
        TestVenue v = seededToday();
        String code = v.venue().code();
        LocalDate first = live.today();
        login("official", "official123");
        navigate("");
        assertThat(card(code, "live.admitted")).isEqualTo("4");

        clock.advance(Duration.between(clock.instant(), first.plusDays(1).atTime(0, 0, 30).atZone(venueZone)));
        fixture.store(List.of(admitted(v, 0, clock.instant(), PersonRole.BIDDER, 9.0)));
        shownAfterPushes(pushes::flush, () -> card(code, "live.admitted"), "1");
        assertThat(LocatorJ._get(DatePicker.class, spec -> spec.withId("overview-date")).getValue())
                .isEqualTo(first.plusDays(1));
        LocatorJ._click(LocatorJ._get(Div.class, spec -> spec.withId("venue-card-" + code)));
        assertThat(text("live-indicator")).as("the card opens the new day, live").isEqualTo("● 实时");
        assertThat(text("total-admitted")).isEqualTo("1");

        clock.advance(Duration.ofDays(1));
        shownAfterPushes(pushes::refreshAll,
                () -> String.valueOf(LocatorJ._get(DatePicker.class, spec -> spec.withId("venue-date")).getValue()),
                first.plusDays(2).toString());
        assertThat(text("total-admitted")).isEqualTo("0");
    }

    @Test
    void aPastDayIsAggregatedFromTheDatabaseAndDoesNotFollowLiveCounts() {
        TestVenue v = fixture.newVenue("测试区", 1);
        LocalDate day = live.today().minusDays(3 + (System.nanoTime() % 300));
        Instant nine = day.atTime(9, 30).atZone(venueZone).toInstant();
        fixture.insertOnly(List.of(
                admitted(v, 0, nine, PersonRole.SUPERVISOR, 12.0),
                refused(v, 0, nine.plus(2, ChronoUnit.HOURS), PersonRole.BIDDER, RefusalReason.PHOTOLESS_WITHOUT_ID),
                refused(v, 0, nine.plus(2, ChronoUnit.HOURS), PersonRole.BIDDER, RefusalReason.NO_CODE)));
        login("official", "official123");
        int subscribers = pushes.subscribers();

        open("venues/" + v.id(), "date=" + day);

        assertThat(text("total-admitted")).isEqualTo("1");
        assertThat(text("total-refused")).isEqualTo("2");
        assertThat(reason(RefusalReason.PHOTOLESS_WITHOUT_ID)).isEqualTo("1");
        assertThat(GbTables.headers(LocatorJ._get(GateTable.class))).as("a past day has no live gate columns")
                .hasSize(3);
        assertThat(text("live-indicator")).isEqualTo("历史数据");
        GbChart chart = LocatorJ._get(GbChart.class);
        assertThat(chart.getDatasets().get(0).data().get(9).longValue()).isEqualTo(1);
        assertThat(chart.getDatasets().get(1).data().get(11).longValue()).isEqualTo(2);
        assertThat(pushes.subscribers()).as("a past day needs no live updates").isEqualTo(subscribers);

        open("", "date=" + day);
        assertThat(card(v.venue().code(), "live.admitted")).isEqualTo("1");
        assertThat(card(v.venue().code(), "live.arrivals5m")).isEqualTo("–");
    }

    @Test
    void managerLandsOnTheirOwnVenue() {
        login("manager", "manager123");
        navigate("");
        Object view = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        assertThat(view).isInstanceOf(VenueView.class);
        long cityCentre = venues.venues().stream().filter(x -> x.code().equals("SH-CITY")).findFirst().orElseThrow().id();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("venues/" + cityCentre);
    }

    @Test
    void managerCannotSeeOrOpenAnotherVenue() {
        TestVenue other = seededToday();
        login("manager", "manager123");

        try {
            navigate("venues/" + other.id());
        } catch (NotFoundException expected) {
            // Karibu's stand-in for the not-found page throws; the real one renders "not found"
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isNotInstanceOf(VenueView.class);
        assertThat(LocatorJ._find(Span.class, spec -> spec.withId("total-admitted"))).isEmpty();
        assertThatThrownBy(() -> live.venue(other.id(), null)).isInstanceOf(UserFacingException.class);
        assertThat(live.overview(null)).extracting(s -> s.venue().code()).containsExactly("SH-CITY");
    }

    @Test
    void storedVerdictsReachAnOpenVenueViewAndTheOverview() {
        TestVenue v = seededToday();
        login("admin", "admin123");
        navigate("venues/" + v.id());
        assertThat(text("total-admitted")).isEqualTo("4");
        int hour = Instant.now().atZone(venueZone).getHour();

        fixture.store(List.of(admitted(v, 1, Instant.now(), PersonRole.BIDDER, 8.0),
                refused(v, 1, Instant.now(), PersonRole.BIDDER, RefusalReason.CODE_YELLOW)));
        assertThat(text("total-admitted")).as("nothing before the coalescing round").isEqualTo("4");
        shownAfterPushes(pushes::flush, () -> text("total-admitted"), "5");
        assertThat(text("total-refused")).isEqualTo("3");
        assertThat(reason(RefusalReason.CODE_YELLOW)).isEqualTo("1");
        GbChart chart = LocatorJ._get(GbChart.class);
        assertThat(chart.getDatasets().get(1).data().get(hour).longValue()).isEqualTo(3);

        navigate("");
        fixture.store(List.of(refused(v, 0, Instant.now(), PersonRole.OTHER, RefusalReason.NO_MASK)));
        shownAfterPushes(pushes::flush, () -> card(v.venue().code(), "live.refused"), "4");
    }

    @Test
    void aPushSetsOnlyWhatChangedAndMovesNoCard() {
        TestVenue v = seededToday();
        String code = v.venue().code();
        login("official", "official123");
        navigate("");
        Div card = LocatorJ._get(Div.class, spec -> spec.withId("venue-card-" + code));
        int[] cardsDetached = {0};
        card.addDetachListener(e -> cardsDetached[0]++);

        fixture.store(List.of(admitted(v, 0, Instant.now(), PersonRole.BIDDER, 9.0)));
        shownAfterPushes(pushes::flush, () -> card(code, "live.admitted"), "5");
        assertThat(cardsDetached[0]).as("a push that changes no order moves no card").isZero();

        navigate("venues/" + v.id());
        var unchanged = LocatorJ._get(Span.class, spec -> spec.withId("total-nonconforming")).getElement().getChild(0);
        int[] replaced = {0};
        unchanged.addDetachListener(e -> replaced[0]++);
        fixture.store(List.of(admitted(v, 1, Instant.now(), PersonRole.BIDDER, 9.0)));
        shownAfterPushes(pushes::flush, () -> text("total-admitted"), "6");
        assertThat(text("total-nonconforming")).isEqualTo("0");
        assertThat(replaced[0]).as("a figure that stayed the same is not set again (and not sent)").isZero();
    }

    @Test
    void viewsUnsubscribeWhenClosedSoThousandsOfVisitsLeakNoListener() {
        TestVenue v = seededToday();
        login("admin", "admin123");
        String past = "date=" + live.today().minusDays(1);
        open("venues/" + v.id(), past);
        int baseline = pushes.subscribers();

        for (int i = 0; i < 50; i++) {
            navigate("venues/" + v.id());
            navigate("");
        }
        assertThat(pushes.subscribers()).isEqualTo(baseline + 1);
        navigate("venues/" + v.id());
        VenueView view = LocatorJ._get(VenueView.class);
        var parent = view.getElement().getParent();
        for (int i = 0; i < 2000; i++) {
            view.getElement().removeFromParent();
            assertThat(pushes.subscribers()).isEqualTo(baseline);
            parent.appendChild(view.getElement());
        }
        assertThat(pushes.subscribers()).isEqualTo(baseline + 1);
        open("venues/" + v.id(), past);
        assertThat(pushes.subscribers()).isEqualTo(baseline);
    }
}
