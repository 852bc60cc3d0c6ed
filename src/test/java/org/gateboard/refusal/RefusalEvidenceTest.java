package org.gateboard.refusal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.pdf.PdfPictures;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.PersonalVerdicts.Person;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.refusal.RefusalTestSupport.as;
import static org.gateboard.refusal.RefusalTestSupport.official;

/** The evidence sheet itself: what it says, in Chinese text a reader can extract, and that producing it is audited. */
class RefusalEvidenceTest extends DatabaseTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;
    @Autowired
    RefusalService refusals;
    @Autowired
    RefusalEvidence evidence;
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
    void theSheetCarriesTheFactsPolicyDayAndDispositionsWithTheirChainPositions() throws Exception {
        TestVenue other = new VerdictFixture(context).newVenue("浦东新区", 1);
        Person person = PersonalVerdicts.newPerson("张三丰");
        UUID fever = verdicts.refused(venue, nineAm.minusSeconds(60), person, RefusalReason.FEVER);
        verdicts.admitted(other, nineAm.plus(Duration.ofMinutes(10)), person);
        Review upheld = official(() -> refusals.review(fever,
                new ReviewRequest(Disposition.UPHELD, "体温 37.9，拒绝正确", null, null)));
        Review appealed = official(() -> refusals.review(fever,
                new ReviewRequest(Disposition.APPEALED, "本人已通过我要申诉提出申诉", "SQ-2020-0042", null)));

        byte[] pdf = official(() -> evidence.sheet(fever));

        String text = squash(text(pdf));
        assertThat(text).contains(squash("拒绝入场证据表"), fever.toString(), "张三丰", "体温异常", "37.9°C", "投标人",
                person.idNumber().substring(0, 3) + "***********" + person.idNumber().substring(14),
                squash("闸机记录的事实"), squash("所用策略版本及其内容"), "≥37.3°C",
                squash("此人当天的核验记录"), other.venue().code(), squash("准入"),
                squash("体温 37.9，拒绝正确"), squash("本人已通过我要申诉提出申诉"), "SQ-2020-0042");
        assertThat(text).doesNotContain(person.idNumber());
        // each disposition with its own audit entry, which is the one written with it
        assertThat(upheld.auditEntryId()).isNotNull();
        assertThat(appealed.auditEntryId()).isGreaterThan(upheld.auditEntryId());
        assertThat(text).contains("#" + upheld.auditEntryId(), "#" + appealed.auditEntryId());
        assertThat(entry(upheld.auditEntryId())).containsEntry("action", "refusal.reviewed")
                .containsEntry("entity_id", fever.toString());
        assertThat((String) entry(appealed.auditEntryId()).get("after_json")).contains("SQ-2020-0042");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isCloseTo(595, org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getHeight()).isCloseTo(842, org.assertj.core.data.Offset.offset(1f));
        }
        assertThat(pdf.length).as("bytes").isLessThan(500_000);
        // kept for reviewers: a picture of the sheet
        ImageIO.write(PdfPictures.page(pdf, 0, 100), "png", new File("target/refusal-evidence-a4.png"));
    }

    @Test
    void producingASheetIsAuditedAndTheSheetPrintsThatVeryEntry() throws Exception {
        UUID id = verdicts.refused(venue, nineAm, PersonalVerdicts.newPerson("张三"), RefusalReason.NO_MASK);
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_entry", Long.class);

        byte[] pdf = official(() -> evidence.sheet(id));

        List<Map<String, Object>> entries = jdbc.queryForList("SELECT id, actor, hash FROM audit_entry WHERE id > ?"
                + " AND entity_type = 'refusal' AND entity_id = ? AND action = 'refusal.evidence.viewed'",
                before, id.toString());
        assertThat(entries).hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry).containsEntry("actor", "official");
        String text = squash(text(pdf));
        assertThat(text).contains("#" + entry.get("id"), (String) entry.get("hash"), squash("本证据表"), "official");
        // nothing else was logged as an opened detail: the sheet is its own kind of look
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE id > ? AND entity_id = ?"
                + " AND action = 'refusal.detail.viewed'", Long.class, before, id.toString())).isZero();
        assertThat(jdbc.queryForList("SELECT kind FROM refusal_look WHERE verdict_seq = (SELECT seq FROM verdict"
                + " WHERE id = ?)", String.class, bytes(id))).containsExactly("EVIDENCE");
    }

    @Test
    void theChineseFontIsEmbeddedAsASubset() throws Exception {
        UUID id = verdicts.refused(venue, nineAm, PersonalVerdicts.newPerson("李四"), RefusalReason.CODE_RED);
        byte[] pdf = official(() -> evidence.sheet(id));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
            });
        }
    }

    @Test
    void aManagerGetsTheirVenuesSheetWithTheNameMaskedAndNothingOfOtherVenues() throws Exception {
        TestVenue other = new VerdictFixture(context).newVenue("浦东新区", 1);
        UUID mine = verdicts.refused(venue, nineAm, PersonalVerdicts.newPerson("张三丰"), RefusalReason.FEVER);
        UUID theirs = verdicts.refused(other, nineAm, PersonalVerdicts.newPerson("李四"), RefusalReason.FEVER);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));

        String text = squash(text(as(manager, Role.MANAGER, () -> evidence.sheet(mine))));

        assertThat(text).contains("张**").doesNotContain("张三丰");
        assertThatThrownBy(() -> as(manager, Role.MANAGER, () -> evidence.sheet(theirs)))
                .isInstanceOf(UnknownRecordException.class);
        assertThatThrownBy(() -> official(() -> evidence.sheet(UUID.randomUUID())))
                .isInstanceOf(UnknownRecordException.class);
        assertThatThrownBy(() -> as("admin", Role.ADMIN, () -> evidence.sheet(mine)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void dispositionsRecordedBeforeTheyKeptTheirEntryGetItFromTheMigration() throws Exception {
        UUID id = verdicts.refused(venue, nineAm, null, RefusalReason.FEVER);
        Review first = official(() -> refusals.review(id, new ReviewRequest(Disposition.UPHELD, "一", null, null)));
        Review second = official(() -> refusals.review(id, new ReviewRequest(Disposition.OVERTURNED, "二", null, null)));
        jdbc.update("UPDATE refusal_review SET audit_entry_id = NULL WHERE id IN (?, ?)", first.id(), second.id());

        jdbc.update(backfill());

        assertThat(official(() -> refusals.detail(id)).reviews()).extracting(Review::auditEntryId)
                .containsExactly(first.auditEntryId(), second.auditEntryId());
    }

    /** The statement of the migration that fills in the audit entries of earlier dispositions. */
    private static String backfill() throws IOException {
        String sql = new ClassPathResource("db/migration/V6_1__refusal_review_audit_entry.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        return Arrays.stream(sql.split(";")).map(String::strip)
                .map(s -> s.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip())
                .filter(s -> s.startsWith("UPDATE")).findFirst().orElseThrow();
    }

    private Map<String, Object> entry(long id) {
        return jdbc.queryForMap("SELECT action, entity_id, after_json FROM audit_entry WHERE id = ?", id);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Text extraction breaks lines where the layout wrapped them; compare without white space. */
    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static byte[] bytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }
}
