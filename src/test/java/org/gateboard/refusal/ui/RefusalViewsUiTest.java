package org.gateboard.refusal.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.PersonalVerdicts.Person;
import org.gateboard.testsupport.UiTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.refusal.Disposition;
import org.gateboard.refusal.ExportFormat;
import org.gateboard.refusal.QueueEntry;
import org.gateboard.refusal.RefusalItem;
import org.gateboard.verdict.RefusalReason;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The refusal views in Chinese (the default), as an official, a manager and an admin. */
class RefusalViewsUiTest extends UiTest {

    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    PersonalVerdicts verdicts;
    TestVenue venue;
    Instant at;

    @BeforeEach
    void data() {
        verdicts = new PersonalVerdicts(context);
        venue = new VerdictFixture(context).newVenue("黄浦区", 1);
        at = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void anOfficialFiltersByVenueReasonAndIdNumberAndSeesFullNames() {
        Person person = PersonalVerdicts.newPerson("张三");
        UUID fever = verdicts.refused(venue, at, person, RefusalReason.FEVER);
        UUID mask = verdicts.refused(venue, at.plusSeconds(5), PersonalVerdicts.newPerson("李四"), RefusalReason.NO_MASK);
        login("official", "official123");
        navigate("refusals");
        RefusalsView view = _get(RefusalsView.class);

        view.filters.venue.setValue(venue.venue());
        _click(view.search);
        assertThat(ids(view)).containsExactly(mask, fever);

        view.filters.reasons.setValue(Set.of(RefusalReason.FEVER));
        _click(view.search);
        assertThat(ids(view)).containsExactly(fever);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("张三", "体温异常", "未复核");

        view.filters.reasons.clear();
        view.filters.venue.clear();
        view.filters.idNumber.setValue(person.idNumber());
        _click(view.search);
        assertThat(ids(view)).containsExactly(fever);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .doesNotContain(person.idNumber());

        view.filters.idNumber.setValue("12345");
        _click(view.search);
        assertThat(view.error.getText()).isEqualTo("这不是有效的 18 位身份证号。");
    }

    @Test
    void theDetailShowsTheNameToAnOfficialAndRecordsDispositionsWithTheirHistory() {
        UUID id = verdicts.refused(venue, at, PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);
        login("official", "official123");
        navigate("refusals/" + id);
        RefusalDetailView view = _get(RefusalDetailView.class);
        assertThat(view.factText("name")).isEqualTo("张三");

        _click(view.save);
        assertThat(view.error.getText()).isEqualTo("必须填写意见。");
        assertThat(GridKt._size(view.history)).isZero();

        view.form.comment.setValue("体温 37.9，拒绝正确");
        _click(view.save);
        view.form.disposition.setValue(Disposition.OVERTURNED);
        view.form.comment.setValue("测温仪故障，复测正常");
        _click(view.save);

        assertThat(GridKt._size(view.history)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(view.history, 0)).contains("维持", "体温 37.9，拒绝正确", "official");
        assertThat(GridKt._getFormattedRow(view.history, 1)).contains("撤销（闸机有误）");
    }

    @Test
    void aManagerReadsTheirVenueWithNamesMaskedAndCannotRecordOrSeeOtherVenues() {
        TestVenue other = new VerdictFixture(context).newVenue("浦东新区", 1);
        UUID mine = verdicts.refused(venue, at, PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);
        UUID theirs = verdicts.refused(other, at, PersonalVerdicts.newPerson("李四"), RefusalReason.FEVER);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));
        login(manager, TestAccounts.PASSWORD);
        navigate("refusals");
        RefusalsView list = _get(RefusalsView.class);

        assertThat(list.bulk.isVisible()).isFalse();
        assertThat(list.filters.venue.getListDataView().getItems().map(v -> v.id()).toList()).containsExactly(venue.id());
        assertThat(ids(list)).contains(mine).doesNotContain(theirs);

        navigate("refusals/" + mine);
        RefusalDetailView detail = _get(RefusalDetailView.class);
        assertThat(detail.factText("name")).isEqualTo("张*");
        assertThat(detail.save.isAttached()).isFalse();
        assertThat(detail.evidence.isAttached()).isTrue();
        assertThat(detail.evidence.getElement().getTextRecursively()).isEqualTo("证据表（PDF）");
        assertThat(new String(detail.evidencePdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        navigate("refusals/" + theirs);
        assertThat(_find(RefusalDetailView.class)).isEmpty();
    }

    @Test
    void aBulkDispositionSaysHowManyBeforeRecording() {
        UUID a = verdicts.refused(venue, at, null, RefusalReason.FEVER);
        UUID b = verdicts.refused(venue, at.plusSeconds(1), null, RefusalReason.FEVER);
        login("official", "official123");
        navigate("refusals");
        RefusalsView view = _get(RefusalsView.class);
        view.filters.venue.setValue(venue.venue());
        _click(view.search);
        assertThat(view.bulk.isEnabled()).isFalse();
        for (int row = 0; row < GridKt._size(view.grid); row++) {
            Checkbox box = (Checkbox) GridKt._getCellComponent(view.grid, row, "select");
            assertThat(box.getAriaLabel()).get(InstanceOfAssertFactories.STRING).startsWith("选择 ");
            _setValue(box, true);
        }

        _click(view.bulk);
        BulkDialog dialog = _get(BulkDialog.class);
        assertThat(dialog.confirm.getText()).isEqualTo("为 2 条记录复核");
        dialog.form.disposition.setValue(Disposition.OVERTURNED);
        dialog.form.comment.setValue("测温仪 09:00–10:00 故障");
        _click(dialog.confirm);

        assertThat(jdbc.queryForList("SELECT disposition FROM refusal_review_state WHERE verdict_id IN (?, ?)",
                String.class, bytes(a), bytes(b))).containsExactly("OVERTURNED", "OVERTURNED");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("撤销（闸机有误）");
    }

    @Test
    void theExportWritesTheCurrentSearchAndShowsItsProgress() {
        verdicts.refused(venue, at, PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);
        verdicts.refused(venue, at.plusSeconds(1), null, RefusalReason.NO_MASK);
        login("official", "official123");
        navigate("refusals");
        RefusalsView view = _get(RefusalsView.class);
        view.filters.venue.setValue(venue.venue());
        _click(view.search);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = view.exportTo(view.filters.search(), out, UI.getCurrent());
        // the download runs outside the session lock; its progress reaches the view through UI.access
        MockVaadin.clientRoundtrip();

        assertThat(rows).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("\uFEFFverdictId,").contains("张三");
        assertThat(view.progressText.getText()).isEqualTo("已导出 2 行");
        assertThat(view.progress.getValue()).isEqualTo(1.0);

        view.exportFormat.setValue(ExportFormat.XLSX);
        assertThat(view.exportFormat()).isEqualTo(ExportFormat.XLSX);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        assertThat(view.exportTo(view.filters.search(), view.exportFormat(), xlsx, UI.getCurrent())).isEqualTo(2);
        // an XLSX file is a ZIP archive
        assertThat(xlsx.toByteArray()).startsWith('P', 'K');
    }

    @Test
    void theQueueCountsUnreviewedRefusalsByVenueAndAge() {
        verdicts.refused(venue, Instant.now().minus(Duration.ofHours(1)), null, RefusalReason.FEVER);
        verdicts.refused(venue, Instant.now().minus(Duration.ofHours(30)), null, RefusalReason.FEVER);
        verdicts.refused(venue, Instant.now().minus(Duration.ofDays(5)), null, RefusalReason.FEVER);
        login("official", "official123");
        navigate("refusals/queue");
        WorkQueueView view = _get(WorkQueueView.class);

        QueueEntry entry = GridKt._fetch(view.grid, 0, 1000).stream()
                .filter(q -> q.venue().id() == venue.id()).findFirst().orElseThrow();
        assertThat(List.of(entry.underOneDay(), entry.oneToThreeDays(), entry.older())).containsExactly(1L, 1L, 1L);
    }

    @Test
    void adminsHaveNoRefusalViewsButTheRetentionView() {
        login("admin", "admin123");
        navigate("refusals");
        assertThat(_find(RefusalsView.class)).isEmpty();
        navigate("admin/retention");
        assertThat(_get(RetentionView.class).setting.getText()).contains("28 天");
    }

    private static List<UUID> ids(RefusalsView view) {
        return GridKt._fetch(view.grid, 0, 200).stream().map(RefusalItem::verdictId).toList();
    }

    private static byte[] bytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }
}
