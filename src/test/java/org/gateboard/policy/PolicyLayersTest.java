package org.gateboard.policy;

import org.gateboard.base.RuleViolationException;
import org.gateboard.security.TestAccounts;
import org.gateboard.audit.AuditEntry;
import org.gateboard.audit.AuditService;
import org.gateboard.base.ConflictException;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.base.Role;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.policy.PolicyTesting.demoVenue;
import static org.gateboard.policy.PolicyTesting.params;
import static org.gateboard.policy.PolicyTesting.signIn;

@ExtendWith(NoticeBaseline.class)
class PolicyLayersTest extends DatabaseTest {

    @Autowired
    private PolicyService policies;
    @Autowired
    private PolicyEditor editor;
    @Autowired
    private VenueService venues;
    @Autowired
    private UserService users;
    @Autowired
    private AuditService audit;
    @Autowired
    private MessagesI18NProvider messages;
    @Autowired
    private JdbcTemplate jdbc;

    private long cityCentre;
    private long pudong;

    @BeforeEach
    void venues() {
        cityCentre = demoVenue(venues, "SH-CITY");
        pudong = demoVenue(venues, "PD");
    }

    @Test
    void aScheduledBaselineTakesEffectAtItsTimeWithNobodyActing() {
        signIn("official", Role.OFFICIAL);
        Submitted s = editor.submit(new PolicyDraft(null, params("37.0", true, true, "GREEN"),
                clock.instant().plus(Duration.ofHours(2)), "Tighter from the afternoon"));

        assertThat(s.awaitsApproval()).isFalse();
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(1);
        assertThat(policies.openChanges()).extracting(PolicyChange::id).contains(s.change().id());

        clock.advance(Duration.ofHours(2).plusSeconds(1));

        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(s.version());
        assertThat(policies.effectiveFor(pudong).params().feverThresholdC()).isEqualByComparingTo("37.0");
    }

    @Test
    void aVenuesStricterThresholdReachesOnlyThatVenue() {
        signIn("manager", Role.MANAGER);
        Submitted s = editor.submit(new PolicyDraft(cityCentre, params("37.0", true, true, "GREEN"), null,
                "Crowded hall"));

        EffectivePolicy mine = policies.effectiveFor(cityCentre);
        assertThat(mine.version()).isEqualTo(s.version()).isNotEqualTo(1);
        assertThat(mine.venueId()).isEqualTo(cityCentre);
        assertThat(mine.baselineVersion()).isEqualTo(1);
        assertThat(mine.params().feverThresholdC()).isEqualByComparingTo("37.0");
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(1);
        assertThat(policies.version(s.version())).contains(mine);
    }

    @Test
    void aLooserVenueValueIsRefusedNamingTheBaselinesValueInBothLanguages() {
        signIn("manager", Role.MANAGER);

        assertThatThrownBy(() -> editor.submit(new PolicyDraft(cityCentre, params("37.5", true, true, "GREEN"), null,
                "Warm day"))).isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("policy.error.looser.feverThresholdC");
                    assertThat(messages.getTranslation(e.messageKey(), MessagesI18NProvider.ENGLISH, e.args()))
                            .contains("37.3 °C");
                    assertThat(messages.getTranslation(e.messageKey(), MessagesI18NProvider.CHINESE, e.args()))
                            .contains("37.3 ℃");
                });
        assertThatThrownBy(() -> editor.submit(new PolicyDraft(cityCentre, params("37.3", true, true, "GREEN",
                "YELLOW"), null, "Yellow too"))).isInstanceOf(RuleViolationException.class);
        assertThat(policies.effectiveFor(cityCentre).version()).isEqualTo(1);
        assertThat(policies.history(cityCentre)).isEmpty();
    }

    @Test
    void aManagerChangesOnlyTheirVenueAndNeverTheBaseline() {
        signIn("manager", Role.MANAGER);

        assertThatThrownBy(() -> editor.submit(new PolicyDraft(pudong, params("37.0", true, true, "GREEN"), null,
                "Not mine"))).isInstanceOf(UnknownRecordException.class);
        assertThatThrownBy(() -> editor.submit(new PolicyDraft(null, params("37.0", true, true, "GREEN"), null,
                "Not mine"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aStricterBaselineOverridesTheVenuesValueAndItsManagersAreNotified() {
        signIn("manager", Role.MANAGER);
        editor.submit(new PolicyDraft(cityCentre, params("37.0", true, true, "GREEN"), null, "Crowded hall"));
        assertThat(policies.baselineOverrides(cityCentre)).isEmpty();

        signIn("official", Role.OFFICIAL);
        Submitted baseline = editor.submit(new PolicyDraft(null, params("36.8", true, true, "GREEN"), null,
                "Outbreak nearby"));

        EffectivePolicy applied = policies.effectiveFor(cityCentre);
        assertThat(applied.params().feverThresholdC()).isEqualByComparingTo("36.8");
        // nothing of the venue's own is stricter any more: its gates run the baseline's own version
        assertThat(applied.version()).isEqualTo(baseline.version());
        assertThat(policies.baselineOverrides(cityCentre)).containsExactly(PolicyParameter.FEVER_THRESHOLD_C);
        assertThat(policies.baselineOverrides(pudong)).isEmpty();
        signIn("manager", Role.MANAGER);
        assertThat(policies.venuePolicy(cityCentre).orElseThrow().overriddenByBaseline())
                .containsExactly(PolicyParameter.FEVER_THRESHOLD_C);
    }

    @Test
    void aBaselineChangeRederivesEveryTightenedVenue() {
        signIn("official", Role.OFFICIAL);
        int venueVersion = editor.submit(new PolicyDraft(cityCentre, params("37.0", true, true, "GREEN"), null,
                "Crowded hall")).version();
        Submitted loosening = editor.submit(new PolicyDraft(null, params("37.3", true, false, "GREEN"), null,
                "Masks no longer required"));
        String second = PolicyTesting.newAccount(users, Role.OFFICIAL, Set.of());
        signIn(second, Role.OFFICIAL);
        int baselineVersion = editor.approve(loosening.change().id()).version();

        EffectivePolicy rederived = policies.effectiveFor(cityCentre);
        assertThat(rederived.version()).isNotIn(1, venueVersion, baselineVersion);
        assertThat(rederived.baselineVersion()).isEqualTo(baselineVersion);
        // the venue's own values are a complete set: it keeps requiring masks until its managers change that
        assertThat(rederived.params()).isEqualTo(params("37.0", true, true, "GREEN"));
        assertThat(policies.effectiveFor(pudong).params().maskRequired()).isFalse();
    }

    @Test
    void aLooseningWaitsForASecondOfficialAndTheAuthorCannotApproveIt() {
        signIn("official", Role.OFFICIAL);
        Submitted pending = editor.submit(new PolicyDraft(null, params("37.3", true, true, "GREEN", "YELLOW"), null,
                "Yellow codes may enter"));

        assertThat(pending.awaitsApproval()).isTrue();
        assertThat(pending.version()).isNull();
        assertThat(pending.change().loosens()).containsExactly(PolicyParameter.ADMITTED_COLORS);
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(1);
        assertThat(policies.canApprove(pending.change())).isFalse();
        assertThatThrownBy(() -> editor.approve(pending.change().id())).isInstanceOf(AccessDeniedException.class);
        signIn("manager", Role.MANAGER);
        assertThatThrownBy(() -> editor.approve(pending.change().id())).isInstanceOf(AccessDeniedException.class);

        String second = PolicyTesting.newAccount(users, Role.OFFICIAL, Set.of());
        signIn(second, Role.OFFICIAL);
        assertThat(policies.canApprove(pending.change())).isTrue();
        Submitted approved = editor.approve(pending.change().id());

        assertThat(approved.change().status()).isEqualTo(PolicyChange.Status.PUBLISHED);
        assertThat(approved.change().approvedBy()).isEqualTo(second);
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(approved.version());
        assertThat(policies.effectiveFor(pudong).params().admittedColors()).containsExactly("GREEN", "YELLOW");
        assertThatThrownBy(() -> editor.approve(pending.change().id())).isInstanceOf(ConflictException.class);
        assertThat(actions(2)).containsExactly("approve-loosening", "request-loosening");
    }

    @Test
    void aScheduledChangeCanBeCancelledBeforeItStartsAndNeverAfter() {
        signIn("official", Role.OFFICIAL);
        Submitted later = editor.submit(new PolicyDraft(null, params("37.0", true, true, "GREEN"),
                clock.instant().plus(Duration.ofHours(1)), "Tomorrow"));
        signIn("manager", Role.MANAGER);
        Submitted venueLater = editor.submit(new PolicyDraft(cityCentre, params("36.9", true, true, "GREEN"),
                clock.instant().plus(Duration.ofHours(3)), "Later still"));

        signIn("official", Role.OFFICIAL);
        PolicyChange cancelled = editor.cancelScheduled(later.version());
        assertThat(cancelled.status()).isEqualTo(PolicyChange.Status.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo("official");
        assertThat(policies.version(later.version())).isEmpty();

        clock.advance(Duration.ofHours(3).plusSeconds(1));
        EffectivePolicy venue = policies.effectiveFor(cityCentre);
        assertThat(venue.baselineVersion()).isEqualTo(1);
        assertThat(venue.params().feverThresholdC()).isEqualByComparingTo("36.9");
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(1);
        assertThatThrownBy(() -> editor.cancelScheduled(venue.version())).isInstanceOf(ConflictException.class);
        assertThat(venueLater.version()).isNotEqualTo(later.version());
        assertThat(actions(1)).containsExactly("cancel-scheduled");
    }

    @Test
    void rollingBackMakesANewVersionEqualToTheOldOne() {
        signIn("official", Role.OFFICIAL);
        Submitted tighter = editor.submit(new PolicyDraft(null, params("36.9", true, true, "GREEN"), null, "Tighter"));
        assertThat(policies.effectiveFor(pudong).version()).isEqualTo(tighter.version());

        // back to the notice's 37.3 loosens the threshold: a second official approves
        Submitted rollBack = editor.rollBack(1, "The outbreak is over");
        assertThat(rollBack.awaitsApproval()).isTrue();
        signIn(PolicyTesting.newAccount(users, Role.OFFICIAL, Set.of()), Role.OFFICIAL);
        Submitted done = editor.approve(rollBack.change().id());

        EffectivePolicy now = policies.effectiveFor(pudong);
        assertThat(now.version()).isEqualTo(done.version()).isNotIn(1, tighter.version());
        assertThat(now.params()).isEqualTo(PolicyTesting.NOTICE);
        assertThat(done.change().restoresVersion()).isEqualTo(1);
        List<HistoryEntry> history = policies.history(null);
        assertThat(history.get(0).differences()).containsExactly(PolicyParameter.FEVER_THRESHOLD_C);
        assertThat(history.get(0).previous().feverThresholdC()).isEqualByComparingTo("36.9");
    }

    @Test
    void aChangeNeedsAReasonAndATimeThatIsNotPast() {
        signIn("official", Role.OFFICIAL);
        assertThatThrownBy(() -> editor.submit(new PolicyDraft(null, PolicyTesting.NOTICE, null, "  ")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("policy.error.reason"));
        assertThatThrownBy(() -> editor.submit(new PolicyDraft(null, params("37.0", true, true, "GREEN"),
                clock.instant().minus(Duration.ofHours(1)), "Backdated")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("policy.error.past"));
    }

    @Test
    void everyChangeApprovalAndCancellationIsInTheAuditChain() {
        signIn("official", Role.OFFICIAL);
        editor.submit(new PolicyDraft(null, params("37.1", true, true, "GREEN"), null, "Tighter"));
        editor.submit(new PolicyDraft(cityCentre, params("37.0", true, true, "GREEN"), null, "Hall"));
        Submitted later = editor.submit(new PolicyDraft(null, params("37.0", true, true, "GREEN"),
                clock.instant().plus(Duration.ofHours(1)), "Later"));
        editor.cancelScheduled(later.version());

        assertThat(actions(4)).containsExactly("cancel-scheduled", "publish-baseline", "publish-venue",
                "publish-baseline");
        assertThat(TestAccounts.asAdmin(() -> audit.latest(4, 0))).allSatisfy(e -> {
            assertThat(e.entityType()).isEqualTo("policy");
            assertThat(e.actor()).isEqualTo("official");
        });
        assertThat(TestAccounts.asAdmin(() -> audit.verifyChain()).intact()).isTrue();
    }

    @Test
    void anUnknownVersionIsLookedUpOnceNotForEveryVerdictNamingIt() {
        long before = selects();
        for (int i = 0; i < 500; i++) {
            assertThat(policies.version(987_654)).isEmpty();
        }
        assertThat(selects() - before).isLessThan(100);
    }

    private long selects() {
        return jdbc.queryForObject("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'COM_SELECT'", Long.class);
    }

    private List<String> actions(int n) {
        return TestAccounts.asAdmin(() -> audit.latest(20, 0)).stream().filter(e -> e.entityType().equals("policy"))
                .limit(n)
                .map(AuditEntry::action).toList();
    }
}
