package org.gateboard.refusal;

import org.gateboard.base.RuleViolationException;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.PersonalVerdicts.Person;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.refusal.RefusalTestSupport.as;
import static org.gateboard.refusal.RefusalTestSupport.official;

/** A refusal's detail, its dispositions, bulk dispositions, exports, and the audit of every look, on MariaDB. */
class RefusalReviewTest extends DatabaseTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;
    @Autowired
    RefusalService refusals;
    @Autowired
    RefusalExport export;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    PersonalVerdicts verdicts;
    TestVenue venue;
    Instant nineAm;

    @BeforeEach
    void venue() {
        verdicts = new PersonalVerdicts(context);
        venue = new VerdictFixture(context).newVenue("黄浦区", 1);
        nineAm = LocalDate.now(SHANGHAI).minusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant();
    }

    @Test
    void detailShowsTheFactsThePolicyAndThePersonsDayAndItsOpeningIsAudited() {
        TestVenue other = new VerdictFixture(context).newVenue("浦东新区", 1);
        Person person = PersonalVerdicts.newPerson("张三");
        UUID fever = verdicts.refused(venue, nineAm.minusSeconds(60), person, RefusalReason.FEVER);
        UUID admitted = verdicts.admitted(other, nineAm.plusSeconds(600), person);
        verdicts.admitted(venue, nineAm.plus(Duration.ofDays(1)), person);
        long auditBefore = audits(fever, "refusal.detail.viewed");

        RefusalDetail detail = official(() -> refusals.detail(fever));

        assertThat(detail.item().personName()).isEqualTo("张三");
        assertThat(detail.item().reasons()).containsExactly(RefusalReason.FEVER);
        assertThat(detail.policy().version()).isEqualTo(1);
        assertThat(detail.policy().params().feverThresholdC()).isEqualByComparingTo("37.3");
        assertThat(detail.device().id()).isEqualTo(venue.device(0).id());
        assertThat(detail.timeline()).extracting(TimelineEntry::verdictId).containsExactly(fever, admitted);
        assertThat(detail.timeline()).extracting(TimelineEntry::outcome).containsExactly(Outcome.REFUSED, Outcome.ADMITTED);
        assertThat(detail.timeline().get(0).thisRefusal()).isTrue();
        assertThat(audits(fever, "refusal.detail.viewed")).isEqualTo(auditBefore + 1);
    }

    @Test
    void aManagerSeesTheirVenuesDetailWithTheNameMaskedButNotOtherVenuesAndRecordsNothing() {
        TestVenue other = new VerdictFixture(context).newVenue("浦东新区", 1);
        UUID mine = verdicts.refused(venue, nineAm, PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);
        UUID theirs = verdicts.refused(other, nineAm, PersonalVerdicts.newPerson("李四"), RefusalReason.FEVER);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));

        assertThat(as(manager, Role.MANAGER, () -> refusals.detail(mine)).item().personName()).isEqualTo("张*");
        assertThatThrownBy(() -> as(manager, Role.MANAGER, () -> refusals.detail(theirs)))
                .isInstanceOf(UnknownRecordException.class);
        assertThatThrownBy(() -> as(manager, Role.MANAGER, () -> refusals.review(mine,
                new ReviewRequest(Disposition.UPHELD, "ok", null, null)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void dispositionsNeedACommentAndALaterOneKeepsTheEarlierInTheHistory() {
        UUID id = verdicts.refused(venue, nineAm, PersonalVerdicts.newPerson("张三"), RefusalReason.CODE_RED);

        assertThatThrownBy(() -> official(() -> refusals.review(id, new ReviewRequest(Disposition.UPHELD, "  ", null,
                null)))).isInstanceOf(RuleViolationException.class).hasMessage("refusal.error.commentRequired");
        assertThatThrownBy(() -> official(() -> refusals.review(id, new ReviewRequest(Disposition.APPEALED, "申诉",
                null, null)))).hasMessage("refusal.error.appealReference");
        official(() -> refusals.review(id, new ReviewRequest(Disposition.UPHELD, "红码，拒绝正确", null, null)));
        official(() -> refusals.review(id, new ReviewRequest(Disposition.APPEALED, "本人已申诉", "SQ-2020-0042", null)));

        RefusalDetail detail = official(() -> refusals.detail(id));
        assertThat(detail.reviews()).extracting(Review::disposition)
                .containsExactly(Disposition.UPHELD, Disposition.APPEALED);
        assertThat(detail.reviews().get(1).appealReference()).isEqualTo("SQ-2020-0042");
        assertThat(detail.item().review().disposition()).isEqualTo(Disposition.APPEALED);
        assertThat(audits(id, "refusal.reviewed")).isEqualTo(2);

        RefusalSearch here = new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null, null, null);
        assertThat(ids(here.withReviewStatus(ReviewStatus.APPEALED))).containsExactly(id);
        assertThat(ids(here.withReviewStatus(ReviewStatus.UPHELD))).isEmpty();
        assertThat(ids(here.withReviewStatus(ReviewStatus.UNREVIEWED))).isEmpty();
    }

    @Test
    void unreviewedAndOneDispositionPageThroughAllTheirRefusals() {
        List<UUID> all = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(0, verdicts.refused(venue, nineAm.plusSeconds(i), null, RefusalReason.NO_MASK));
        }
        // every other one upheld
        List<UUID> upheld = java.util.stream.IntStream.range(0, 12).filter(i -> i % 2 == 0).mapToObj(all::get).toList();
        official(() -> refusals.reviewAll(upheld, new ReviewRequest(Disposition.UPHELD, "无口罩", null, null)));
        RefusalSearch here = new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null, null, null);

        assertThat(walk(here.withReviewStatus(ReviewStatus.UPHELD), 4)).containsExactlyElementsOf(upheld);
        assertThat(walk(here.withReviewStatus(ReviewStatus.UNREVIEWED), 4))
                .containsExactlyElementsOf(all.stream().filter(u -> !upheld.contains(u)).toList());
    }

    @Test
    void aBulkDispositionWithAnUnknownRefusalRecordsNothing() {
        UUID known = verdicts.refused(venue, nineAm, null, RefusalReason.FEVER);

        assertThatThrownBy(() -> official(() -> refusals.reviewAll(List.of(known, UUID.randomUUID()),
                new ReviewRequest(Disposition.OVERTURNED, "测温仪故障", null, null))))
                .isInstanceOf(UnknownRecordException.class);
        assertThat(official(() -> refusals.detail(known)).reviews()).isEmpty();
    }

    @Test
    void theExportIsUtf8WithBomMasksIdNumbersAndIsAuditedWithItsRowCount() {
        Person person = PersonalVerdicts.newPerson("张,三");
        verdicts.refused(venue, nineAm, person, RefusalReason.FEVER);
        verdicts.refused(venue, nineAm.plusSeconds(1), null, RefusalReason.NO_MASK);
        RefusalSearch here = new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null, null, null);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = official(() -> export.export(here, out, n -> {
        }));
        byte[] bytes = out.toByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);

        assertThat(rows).isEqualTo(2);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains("\"张,三\"", person.idNumber().substring(0, 3) + "***********")
                .doesNotContain(person.idNumber());
        assertThat(jdbc.queryForObject("SELECT after_json FROM audit_entry WHERE action = 'refusal.exported'"
                + " ORDER BY id DESC LIMIT 1", String.class)).contains("\"rows\":2", venue.venue().code());

        ByteArrayOutputStream managers = new ByteArrayOutputStream();
        as(manager, Role.MANAGER, () -> export.export(here, managers, n -> {
        }));
        assertThat(managers.toString(StandardCharsets.UTF_8)).contains("张**").doesNotContain("张,三");
    }

    @Test
    void officialsListWhoLookedAtOnePersonsData() {
        Person person = PersonalVerdicts.newPerson("张三");
        UUID id = verdicts.refused(venue, nineAm, person, RefusalReason.FEVER);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));
        as(manager, Role.MANAGER, () -> refusals.detail(id));
        official(() -> refusals.search(new RefusalSearch(null, null, null, null, null, null, null, null, null,
                person.idNumber()), null, 10));

        List<Look> looks = official(() -> refusals.looksAt(person.idNumber()));

        assertThat(looks).extracting(Look::actor, Look::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("official", "SEARCH"),
                        org.assertj.core.groups.Tuple.tuple(manager, "DETAIL"));
    }

    private List<UUID> ids(RefusalSearch search) {
        return official(() -> refusals.search(search, null, 100)).items().stream().map(RefusalItem::verdictId).toList();
    }

    private List<UUID> walk(RefusalSearch search, int limit) {
        List<UUID> seen = new java.util.ArrayList<>();
        String after = null;
        do {
            String cursor = after;
            RefusalItems page = official(() -> refusals.search(search, cursor, limit));
            page.items().forEach(i -> seen.add(i.verdictId()));
            after = page.next();
        } while (after != null);
        return seen;
    }

    private long audits(UUID verdictId, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE entity_id = ? AND action = ?", Long.class,
                verdictId.toString(), action);
    }
}
