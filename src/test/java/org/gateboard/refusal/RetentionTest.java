package org.gateboard.refusal;

import org.gateboard.base.Role;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.refusal.RefusalTestSupport.as;
import static org.gateboard.refusal.RefusalTestSupport.official;

/** The retention job on MariaDB: personal fields go, counts, reasons and dispositions stay, while gates post. */
class RetentionTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    RetentionService retention;
    @Autowired
    RefusalService refusals;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oldPersonalFieldsAreRemovedWhileCountsReasonsAndDispositionsStayEvenWithGatesPosting() throws Exception {
        PersonalVerdicts verdicts = new PersonalVerdicts(context);
        TestVenue venue = new VerdictFixture(context).newVenue("黄浦区", 1);
        // past the 28 days, and within the week a later run looks back over (another test may have run it)
        Instant old = Instant.now().minus(Duration.ofDays(30));
        List<UUID> oldOnes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            oldOnes.add(verdicts.refused(venue, old.plusSeconds(i), PersonalVerdicts.newPerson("张三"),
                    RefusalReason.FEVER));
        }
        UUID reviewed = oldOnes.get(0);
        official(() -> refusals.review(reviewed, new ReviewRequest(Disposition.UPHELD, "发热", null, null)));
        UUID recent = verdicts.refused(venue, Instant.now().minus(Duration.ofDays(27)), PersonalVerdicts.newPerson("李四"),
                RefusalReason.NO_MASK);
        RefusalSearch here = new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null, null, null);
        long before = official(() -> refusals.count(here));

        // gates keep posting fresh verdicts, with personal data, while the job runs
        CompletableFuture<List<UUID>> posting = CompletableFuture.supplyAsync(() -> {
            List<UUID> fresh = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                fresh.add(verdicts.refused(venue, Instant.now(), PersonalVerdicts.newPerson("王五"), RefusalReason.FEVER));
            }
            return fresh;
        });
        RetentionRun run = as("admin", Role.ADMIN, retention::run);
        List<UUID> fresh = posting.get(60, TimeUnit.SECONDS);

        assertThat(run.verdictsPurged()).isGreaterThanOrEqualTo(25);
        assertThat(run.finishedAt()).isNotNull();
        for (UUID id : oldOnes) {
            assertThat(verdicts.personalFields(id)).containsOnlyNulls();
        }
        assertThat(verdicts.personalFields(recent)).doesNotContainNull();
        for (UUID id : fresh) {
            assertThat(verdicts.personalFields(id)).doesNotContainNull();
        }
        assertThat(official(() -> refusals.count(here))).isEqualTo(before + fresh.size());
        RefusalDetail detail = official(() -> refusals.detail(reviewed));
        assertThat(detail.reviews()).extracting(Review::comment).containsExactly("发热");
        assertThat(detail.item().reasons()).containsExactly(RefusalReason.FEVER);
        assertThat(detail.item().personName()).isNull();
        assertThat(detail.timeline()).isEmpty();

        RetentionRun again = as("admin", Role.ADMIN, retention::run);
        assertThat(again.verdictsPurged()).isZero();
        assertThat(as("admin", Role.ADMIN, () -> retention.runs(1))).extracting(RetentionRun::id).containsExactly(again.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'retention.ran' AND entity_id = ?",
                Long.class, String.valueOf(run.id()))).isEqualTo(1);
    }

    @Test
    void onlyAdminsRunIt() {
        assertThatThrownBy(() -> official(retention::run)).isInstanceOf(AccessDeniedException.class);
    }
}
