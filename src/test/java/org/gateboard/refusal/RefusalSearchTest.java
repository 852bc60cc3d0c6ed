package org.gateboard.refusal;

import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.PersonalVerdicts.Person;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.refusal.RefusalTestSupport.as;
import static org.gateboard.refusal.RefusalTestSupport.official;

/** Searching refusals on MariaDB: keyset pages, each filter, the ID-number lookup, and who may search what. */
class RefusalSearchTest extends RefusalFixtureTest {

    @Autowired
    RefusalService refusals;

    @Override
    int gates() {
        return 2;
    }

    @Test
    void pagesWalkEveryRefusalNewestFirstOnceEvenWithTiesInTheSameMillisecond() {
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(0, verdicts.refused(venue, nineAm.plusSeconds(i), PersonalVerdicts.newPerson("甲"),
                    RefusalReason.FEVER));
        }
        Instant tie = nineAm.plusSeconds(60);
        UUID first = verdicts.refused(venue, tie, null, RefusalReason.NO_MASK);
        UUID second = verdicts.refused(venue, tie, null, RefusalReason.NO_MASK);
        expected.add(0, first);
        expected.add(0, second); // same time: the later sequence number first
        verdicts.admitted(venue, nineAm.plusSeconds(30), null);

        List<UUID> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            RefusalItems page = search(venueOnly(), after, 3);
            page.items().forEach(i -> seen.add(i.verdictId()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void eachFilterNarrowsTheList() {
        UUID fever = verdicts.insert(venue, 0, nineAm, Outcome.REFUSED, null, Set.of(RefusalReason.FEVER),
                PersonRole.BIDDER, Channel.APP, false);
        UUID red = verdicts.insert(venue, 1, nineAm.plusSeconds(1), Outcome.REFUSED, null,
                Set.of(RefusalReason.CODE_RED, RefusalReason.NO_MASK), PersonRole.EXPERT, Channel.WECHAT, true);
        UUID late = verdicts.insert(venue, 0, nineAm.plusSeconds(3600), Outcome.REFUSED, null,
                Set.of(RefusalReason.NO_CODE), PersonRole.AGENT, Channel.ALIPAY, false);

        assertThat(ids(with(Set.of(RefusalReason.NO_MASK), null, null, null, null, null, null))).containsExactly(red);
        assertThat(ids(with(Set.of(RefusalReason.FEVER, RefusalReason.NO_CODE), null, null, null, null, null, null)))
                .containsExactly(late, fever);
        assertThat(ids(with(Set.of(), PersonRole.EXPERT, null, null, null, null, null))).containsExactly(red);
        assertThat(ids(with(Set.of(), null, Channel.ALIPAY, null, null, null, null))).containsExactly(late);
        assertThat(ids(with(Set.of(), null, null, true, null, null, null))).containsExactly(red);
        assertThat(ids(with(Set.of(), null, null, null, venue.gate(1).id(), null, null))).containsExactly(red);
        RefusalSearch firstTwoSeconds = with(Set.of(), null, null, null, null, nineAm, nineAm.plusSeconds(2));
        assertThat(ids(firstTwoSeconds)).containsExactly(red, fever);
        assertThat(official(() -> refusals.count(firstTwoSeconds))).isEqualTo(2);
    }

    @Test
    void aFullIdNumberFindsThatPersonsRefusalsAtEveryVenueAndIsLoggedAsALook() {
        TestVenue other = new VerdictFixture(context).newVenue("浦东新区", 1);
        Person person = PersonalVerdicts.newPerson("张三");
        UUID here = verdicts.refused(venue, nineAm, person, RefusalReason.FEVER);
        UUID there = verdicts.refused(other, nineAm.plusSeconds(600), person, RefusalReason.NO_MASK);
        verdicts.admitted(venue, nineAm.plusSeconds(900), person);
        verdicts.refused(venue, nineAm.plusSeconds(5), PersonalVerdicts.newPerson("李四"), RefusalReason.FEVER);
        long looksBefore = looks();

        RefusalSearch byId = new RefusalSearch(null, null, null, null, null, null, null, null, null,
                person.idNumber().toLowerCase());
        RefusalItems found = official(() -> refusals.search(byId, null, 50));

        assertThat(found.items()).extracting(RefusalItem::verdictId).containsExactly(there, here);
        assertThat(found.items().get(0).personName()).isEqualTo("张三");
        assertThat(found.items().get(0).idNumberMasked()).isEqualTo(person.idNumber().substring(0, 3) + "*".repeat(11)
                + person.idNumber().substring(14));
        assertThat(looks()).isEqualTo(looksBefore + 1);
        assertThat(jdbc.queryForObject("SELECT after_json FROM audit_entry ORDER BY id DESC LIMIT 1", String.class))
                .contains("idNumber=given").doesNotContain(person.idNumber());
    }

    @Test
    void anInvalidIdNumberOrCursorIsRefusedWithAReadableReason() {
        RefusalSearch typo = new RefusalSearch(null, null, null, null, null, null, null, null, null, "31010119800101123");
        assertThatThrownBy(() -> official(() -> refusals.search(typo, null, 10)))
                .isInstanceOf(UserFacingException.class).hasMessage("refusal.error.idNumber");
        assertThatThrownBy(() -> official(() -> refusals.search(venueOnly(), "not-a-cursor", 10)))
                .hasMessage("refusal.error.cursor");
        assertThatThrownBy(() -> official(() -> refusals.search(venueOnly(), null, 501)))
                .hasMessage("refusal.error.limit");
    }

    @Test
    void aManagerSearchesOnlyTheirVenuesAndSeesNamesMasked() {
        TestVenue other = new VerdictFixture(context).newVenue("浦东新区", 1);
        UUID mine = verdicts.refused(venue, nineAm, PersonalVerdicts.newPerson("王小明"), RefusalReason.FEVER);
        verdicts.refused(other, nineAm, PersonalVerdicts.newPerson("赵六"), RefusalReason.FEVER);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));
        RefusalSearch window = new RefusalSearch(nineAm, nineAm.plusSeconds(1), null, null, null, null, null, null,
                null, null);

        RefusalItems page = as(manager, Role.MANAGER, () -> refusals.search(window, null, 50));

        assertThat(page.items()).extracting(RefusalItem::verdictId).containsExactly(mine);
        assertThat(page.items().get(0).personName()).isEqualTo("王**");
        RefusalSearch otherVenue = new RefusalSearch(null, null, other.venue().code(), null, null, null, null, null,
                null, null);
        assertThatThrownBy(() -> as(manager, Role.MANAGER, () -> refusals.search(otherVenue, null, 50)))
                .isInstanceOf(UnknownRecordException.class);
    }

    @Test
    void adminsMayNotSearchRefusals() {
        assertThatThrownBy(() -> as("admin", Role.ADMIN, () -> refusals.search(venueOnly(), null, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private RefusalSearch venueOnly() {
        return new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null, null, null);
    }

    private RefusalSearch with(Set<RefusalReason> reasons, PersonRole role, Channel channel, Boolean nonConforming,
                               Long gateId, Instant from, Instant to) {
        return new RefusalSearch(from, to, venue.venue().code(), gateId, reasons, role, channel, nonConforming, null,
                null);
    }

    private List<UUID> ids(RefusalSearch search) {
        return search(search, null, 100).items().stream().map(RefusalItem::verdictId).toList();
    }

    private RefusalItems search(RefusalSearch search, String after, int limit) {
        return official(() -> refusals.search(search, after, limit));
    }

    private long looks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM refusal_look", Long.class);
    }
}
