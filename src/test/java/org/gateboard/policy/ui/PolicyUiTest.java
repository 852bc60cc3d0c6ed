package org.gateboard.policy.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.NotFoundException;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.policy.PolicyChange;
import org.gateboard.policy.PolicyService;
import org.gateboard.policy.NoticeBaseline;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.UiTest;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.policy.PolicyTesting.demoVenue;

@ExtendWith(NoticeBaseline.class)
class PolicyUiTest extends UiTest {

    @Autowired
    private PolicyService policies;
    @Autowired
    private VenueService venues;
    @Autowired
    private UserService users;

    private long cityCentre;
    private long pudong;

    @BeforeEach
    void venues() {
        cityCentre = demoVenue(venues, "SH-CITY");
        pudong = demoVenue(venues, "PD");
    }

    @Test
    void anOfficialTightensTheBaselineAndEveryVenueSeesIt() {
        login("official", "official123");
        navigate("policy");
        PolicyView view = _get(PolicyView.class);

        _setValue(view.form.threshold, new BigDecimal("37.0"));
        _setValue(view.form.reason, "疫情防控升级");
        _click(view.form.publish);

        int version = policies.effectiveFor(pudong).version();
        assertThat(version).isNotEqualTo(1);
        assertThat(policies.effectiveFor(pudong).params().feverThresholdC()).isEqualByComparingTo("37.0");
        assertThat(view.message.getText()).startsWith("版本 " + version + " 将于");
        assertThat(view.baseline.getText()).contains("37.0 ℃");
        assertThat(view.history.getGenericDataView().getItems().findFirst().orElseThrow().differences())
                .isNotEmpty();
    }

    @Test
    void aManagerSeesAndTightensOnlyTheirVenueAndAnotherVenueIsNotFound() {
        login("manager", "manager123");
        navigate("policy");
        PolicyView overview = _get(PolicyView.class);
        assertThat(overview.venues.getGenericDataView().getItems().map(v -> v.code())).containsExactly("SH-CITY");
        assertThat(LocatorJ._find(PolicyForm.class)).isEmpty();

        navigate("policy/venues/" + cityCentre);
        VenuePolicyView view = _get(VenuePolicyView.class);
        _setValue(view.form.threshold, new BigDecimal("37.0"));
        _setValue(view.form.reason, "大厅拥挤");
        _click(view.form.publish);
        assertThat(policies.effectiveFor(cityCentre).params().feverThresholdC()).isEqualByComparingTo("37.0");
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(1);

        try {
            navigate("policy/venues/" + pudong);
        } catch (NotFoundException expected) {
            // Karibu's stand-in for the not-found page throws; the real one renders "not found"
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0))
                .isNotInstanceOf(VenuePolicyView.class);
    }

    @Test
    void aLooserVenueValueAndBadFieldsAreRefusedInChineseAndInEnglish() {
        login("manager", "manager123");
        navigate("policy/venues/" + cityCentre);
        VenuePolicyView view = _get(VenuePolicyView.class);
        _setValue(view.form.threshold, new BigDecimal("37.5"));
        _setValue(view.form.reason, "天热");
        _click(view.form.publish);
        assertThat(view.form.error.getText()).isEqualTo("场所只能在全市基准上从严：体温阈值不得高于基准的 37.3 ℃。");

        _setValue(view.form.threshold, new BigDecimal("41"));
        _setValue(view.form.colors, Set.of("YELLOW"));
        _setValue(view.form.reason, "");
        _click(view.form.publish);
        assertThat(view.form.threshold.getErrorMessage()).isEqualTo("请输入 35.0 至 40.0 ℃ 之间、最多一位小数的体温阈值。");
        assertThat(view.form.colors.getErrorMessage()).isEqualTo("绿码始终准入：请保留绿码。");
        assertThat(view.form.reason.getErrorMessage()).isEqualTo("请填写调整原因（1 至 500 个字）。");

        UI.getCurrent().setLocale(MessagesI18NProvider.ENGLISH);
        navigate("policy/venues/" + cityCentre);
        VenuePolicyView english = _get(VenuePolicyView.class);
        _setValue(english.form.threshold, new BigDecimal("37.5"));
        _setValue(english.form.reason, "Warm day");
        _click(english.form.publish);
        assertThat(english.form.error.getText()).isEqualTo(
                "A venue may only tighten the city baseline: its fever threshold may not be above the baseline's 37.3 °C.");
        _setValue(english.form.threshold, new BigDecimal("37.25"));
        _setValue(english.form.reason, "");
        _click(english.form.publish);
        assertThat(english.form.threshold.getErrorMessage())
                .isEqualTo("Enter a fever threshold from 35.0 to 40.0 °C with at most one decimal.");
        assertThat(english.form.reason.getErrorMessage()).isEqualTo("Give a reason (1 to 500 characters).");
        assertThat(policies.history(cityCentre)).isEmpty();
    }

    @Test
    void anOfficialSchedulesAChangeAndCancelsItBeforeItStarts() {
        login("official", "official123");
        navigate("policy");
        PolicyView view = _get(PolicyView.class);
        _setValue(view.form.threshold, new BigDecimal("36.9"));
        _setValue(view.form.effectiveFrom, LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(2).withNano(0));
        _setValue(view.form.reason, "明日起从严");
        _click(view.form.publish);

        PolicyChange scheduled = policies.openChanges().get(0);
        assertThat(scheduled.status()).isEqualTo(PolicyChange.Status.PUBLISHED);
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(1);
        _click(cell(view.changes, 0, "actions", "cancel-" + scheduled.version()));

        assertThat(policies.openChanges()).isEmpty();
        clock.advance(Duration.ofHours(3));
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(1);
    }

    @Test
    void aLooseningWaitsUntilAnotherOfficialApprovesItOnThePage() {
        login("official", "official123");
        navigate("policy");
        PolicyView view = _get(PolicyView.class);
        _setValue(view.form.colors, Set.of("GREEN", "YELLOW"));
        _setValue(view.form.reason, "黄码可入");
        _click(view.form.publish);
        assertThat(view.message.getText()).isEqualTo("此调整放宽了基准：须经另一位监管人员审批。");
        PolicyChange pending = policies.openChanges().get(0);
        assertThat(((HorizontalLayout) GridKt._getCellComponent(view.changes, 0, "actions")).getChildren()
                .map(c -> c.getId().orElse(""))).doesNotContain("approve-" + pending.id());

        String second = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        newBrowserSession();
        login(second, TestAccounts.PASSWORD);
        navigate("policy");
        _click(cell(_get(PolicyView.class).changes, 0, "actions", "approve-" + pending.id()));

        assertThat(policies.effectiveFor(pudong).params().admittedColors()).containsExactly("GREEN", "YELLOW");
    }

    @Test
    void anOfficialRollsTheBaselineBackToAnEarlierVersion() {
        login("official", "official123");
        navigate("policy");
        PolicyView view = _get(PolicyView.class);
        _setValue(view.form.threshold, new BigDecimal("37.2"));
        _setValue(view.form.reason, "略从严");
        _click(view.form.publish);
        int tighter = policies.effectiveFor(pudong).version();
        _setValue(view.form.threshold, new BigDecimal("37.1"));
        _setValue(view.form.reason, "再从严");
        _click(view.form.publish);

        // newest first: the second change, then the first (37.2)
        Button rollBack = (Button) GridKt._getCellComponent(view.history, 1, "rollback");
        assertThat(rollBack.getId()).hasValue("rollback-" + tighter);
        _click(rollBack);

        // back to 37.2 loosens today's 37.1: the roll back waits for a second official like any loosening
        assertThat(view.message.getText()).isEqualTo("此调整放宽了基准：须经另一位监管人员审批。");
        PolicyChange rollBackChange = policies.history(null).get(0).change();
        assertThat(rollBackChange.restoresVersion()).isEqualTo(tighter);
        assertThat(rollBackChange.params().feverThresholdC()).isEqualByComparingTo("37.2");
        assertThat(rollBackChange.status()).isEqualTo(PolicyChange.Status.PENDING);
    }

    /** A button in a grid cell: Karibu renders component columns on request. */
    private static Button cell(Grid<?> grid, int row, String column, String id) {
        return ((HorizontalLayout) GridKt._getCellComponent(grid, row, column)).getChildren()
                .filter(c -> c.getId().orElse("").equals(id)).map(Button.class::cast).findFirst().orElseThrow();
    }
}
