package org.gateboard.refusal;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.PersonalVerdicts.Person;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.refusal.RefusalTestSupport.as;
import static org.gateboard.refusal.RefusalTestSupport.official;

/** The XLSX export read back as Excel would read it: the same rows and columns as the CSV, typed cells. */
class RefusalXlsxExportTest extends DatabaseTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;
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
    void theWorkbookHoldsTheSearchWithTypedCellsMaskedIdsAndIsAudited() throws Exception {
        Person person = PersonalVerdicts.newPerson("=张三");
        UUID fever = verdicts.refused(venue, nineAm, person, RefusalReason.FEVER);
        UUID mask = verdicts.refused(venue, nineAm.plusSeconds(1), null, RefusalReason.NO_MASK);
        RefusalSearch here = new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null, null, null);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        long rows = official(() -> export.export(here, ExportFormat.XLSX, out, progress::add));

        assertThat(rows).isEqualTo(2);
        assertThat(progress).last().isEqualTo(2L);
        List<List<Row>> sheets = read(out.toByteArray());
        assertThat(sheets).hasSize(1);
        List<Row> sheet = sheets.get(0);
        assertThat(sheet).hasSize(3);
        assertThat(text(sheet.get(0), 0)).isEqualTo("verdictId");
        assertThat(text(sheet.get(0), 1)).isEqualTo("scannedAt (Asia/Shanghai)");
        assertThat(text(sheet.get(0), 13)).isEqualTo("review");
        Row newest = sheet.get(1);
        Row older = sheet.get(2);
        assertThat(text(newest, 0)).isEqualTo(mask.toString());
        assertThat(text(older, 0)).isEqualTo(fever.toString());
        assertThat(older.getCellAsDate(1)).contains(nineAm.atZone(SHANGHAI).toLocalDateTime());
        assertThat(text(older, 2)).isEqualTo(venue.venue().code());
        assertThat(text(older, 4)).isEqualTo("FEVER");
        assertThat(older.getCellAsNumber(7).map(BigDecimal::toPlainString)).contains("37.9");
        assertThat(text(older, 9)).isEqualTo(person.idNumber().substring(0, 3) + "***********"
                + person.idNumber().substring(14));
        // a text cell, never a formula: the name stays as typed
        assertThat(text(older, 10)).isEqualTo("=张三");
        assertThat(older.getCellAsNumber(11).map(BigDecimal::intValue)).contains(1);
        assertThat(text(newest, 10)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT after_json FROM audit_entry WHERE action = 'refusal.exported'"
                + " ORDER BY id DESC LIMIT 1", String.class)).contains("\"format\":\"XLSX\"", "\"rows\":2");

        ByteArrayOutputStream managers = new ByteArrayOutputStream();
        as(manager, Role.MANAGER, () -> export.export(here, ExportFormat.XLSX, managers, n -> {
        }));
        assertThat(text(read(managers.toByteArray()).get(0).get(2), 10)).isEqualTo("=**");
    }

    @Test
    void aLongExportContinuesOnTheNextWorksheetWithItsOwnHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxRows rows = new XlsxRows(out, SHANGHAI, 3);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.row(new RefusalItem(id, nineAm.plusSeconds(i), 1, "V", 2, "G1", Set.of(RefusalReason.NO_MASK),
                    CodeColor.GREEN, Channel.APP, new BigDecimal("36.5"), PersonRole.BIDDER, null, null, 1, null,
                    null));
            if (i % 2 == 1) {
                rows.flush();
            }
        }
        rows.finish();

        List<List<Row>> sheets = read(out.toByteArray());
        assertThat(sheets).extracting(List::size).containsExactly(3, 3, 2);
        List<String> read = new ArrayList<>();
        for (List<Row> sheet : sheets) {
            assertThat(text(sheet.get(0), 0)).isEqualTo("verdictId");
            sheet.stream().skip(1).forEach(r -> read.add(text(r, 0)));
        }
        assertThat(read).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
    }

    @Test
    void anEmptySearchIsAWorkbookWithTheHeaderOnly() throws Exception {
        RefusalSearch nothing = new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null,
                null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(official(() -> export.export(nothing, ExportFormat.XLSX, out, n -> {
        }))).isZero();
        assertThat(read(out.toByteArray())).singleElement().satisfies(sheet -> assertThat(sheet).hasSize(1));
    }

    /** Every worksheet's rows, in order. */
    static List<List<Row>> read(byte[] xlsx) throws IOException {
        List<List<Row>> sheets = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                sheets.add(sheet.read());
            }
        }
        return sheets;
    }

    static String text(Row row, int column) {
        return row.getOptionalCell(column).map(c -> c.getText() == null ? "" : c.getText()).orElse("");
    }
}
