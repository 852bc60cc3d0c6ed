package org.gateboard.refusal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.gateboard.audit.AuditPosition;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.base.pdf.Pdfs;
import org.gateboard.base.pdf.QrCodes;
import org.gateboard.policy.EffectivePolicy;
import org.gateboard.verdict.RefusalReason;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws a refusal's evidence sheet with OpenPDF on A4, with the shared CJK font embedded. Every label is in
 * Chinese with the English beneath, so one sheet serves any reader of a dispute file. Times are venue time, audit
 * times to the millisecond as the trail stores them.
 */
final class EvidenceSheet {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter AUDIT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final Color RED = new Color(0xB0, 0x1E, 0x23);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color LINE = new Color(0xC8, 0xC8, 0xC8);
    private static final Color SHADE = new Color(0xF2, 0xF2, 0xF2);
    private static final float QR_MM = 24;

    private final RefusalEvidence.Evidence evidence;
    private final MessagesI18NProvider messages;
    private final ZoneId zone;
    private final BaseFont font = Pdfs.cjkFont();

    private EvidenceSheet(RefusalEvidence.Evidence evidence, MessagesI18NProvider messages, ZoneId zone) {
        this.evidence = evidence;
        this.messages = messages;
        this.zone = zone;
    }

    static byte[] render(RefusalEvidence.Evidence evidence, MessagesI18NProvider messages, ZoneId zone) {
        return new EvidenceSheet(evidence, messages, zone).render();
    }

    private byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PaperSize.A4.page(), Pdfs.mm(15), Pdfs.mm(15), Pdfs.mm(14), Pdfs.mm(16));
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setFullCompression();
        writer.setPageEvent(new Footer());
        RefusalDetail d = evidence.detail();
        doc.addCreator("Gateboard");
        doc.addTitle(zh("refusal.evidence.title") + " " + d.item().verdictId());
        doc.open();
        doc.add(header(writer));
        doc.add(facts(d));
        doc.add(policy(d));
        doc.add(timeline(d));
        doc.add(history(d));
        doc.add(thisSheet());
        doc.close();
        return out.toByteArray();
    }

    private PdfPTable header(PdfWriter writer) {
        RefusalItem i = evidence.detail().item();
        PdfPCell text = plain();
        Paragraph title = para(zh("refusal.evidence.title"), 18, RED);
        text.addElement(title);
        text.addElement(para(en("refusal.evidence.title"), 10, GREY));
        Paragraph id = para(both("refusal.evidence.verdictId") + "：" + i.verdictId(), 9.5f, Color.BLACK);
        id.setSpacingBefore(Pdfs.mm(2));
        text.addElement(id);
        text.addElement(para(both("refusal.evidence.auditEntry") + "：" + position(evidence.look()), 9.5f,
                Color.BLACK));
        // scanned, the code gives the verdict and this sheet's audit entry without typing either
        Image qr = QrCodes.image(writer.getDirectContent(), "gateboard:refusal:" + i.verdictId() + ";audit:"
                + evidence.look().id() + ":" + evidence.look().hash(), Pdfs.mm(QR_MM));
        PdfPCell code = plain();
        code.addElement(new Paragraph(new Chunk(qr, 0, 0, true)));
        PdfPTable header = new PdfPTable(new float[]{5, 1.3f});
        header.setWidthPercentage(100);
        text.setBorder(Rectangle.BOTTOM);
        text.setBorderColorBottom(RED);
        text.setBorderWidthBottom(1.2f);
        text.setPaddingBottom(Pdfs.mm(2));
        code.setBorder(Rectangle.BOTTOM);
        code.setBorderColorBottom(RED);
        code.setBorderWidthBottom(1.2f);
        code.setPaddingBottom(Pdfs.mm(2));
        header.addCell(text);
        header.addCell(code);
        return header;
    }

    private PdfPTable facts(RefusalDetail d) {
        RefusalItem i = d.item();
        Pairs t = new Pairs("refusal.evidence.facts");
        t.half("refusal.col.time", time(i.scannedAt()));
        t.half("refusal.detail.received", time(d.receivedAt()));
        t.wide("refusal.col.venue", i.venueCode() + (d.venue() == null ? ""
                : " " + d.venue().nameZh() + " / " + d.venue().nameEn()));
        t.half("refusal.col.gate", i.gateCode() + (d.gate() == null ? ""
                : " " + d.gate().nameZh() + " / " + d.gate().nameEn()));
        t.half("refusal.detail.device", d.device() == null ? null : d.device().label());
        t.wide("refusal.col.reasons", reasons(i.reasons()));
        t.half("refusal.detail.color", i.codeColor() == null ? null : both("verdict.color." + i.codeColor().name()));
        t.half("refusal.col.channel", i.channel() == null ? null : both("verdict.channel." + i.channel().name()));
        t.half("refusal.detail.photo", yesNo(d.photoOnCode()));
        t.half("refusal.detail.idChecked", yesNo(d.idChecked()));
        t.half("refusal.detail.mask", yesNo(d.maskWorn()));
        t.half("refusal.col.temperature", i.temperatureC() == null ? null : i.temperatureC().toPlainString() + " °C");
        t.half("refusal.col.role", both("verdict.role." + i.personRole().name()));
        t.half("refusal.detail.checkTime", d.checkMillis() == null ? null : d.checkMillis() + " ms");
        t.half("refusal.col.idNumber", i.idNumberMasked());
        t.half("refusal.col.name", i.personName());
        return t.table();
    }

    private PdfPTable policy(RefusalDetail d) {
        Pairs t = new Pairs("refusal.evidence.policy");
        EffectivePolicy p = d.policy();
        t.half("refusal.detail.policyVersion", String.valueOf(d.item().policyVersion()));
        t.half("refusal.detail.policyScope", p == null ? both("refusal.detail.policyUnknown")
                : p.isBaseline() ? both("refusal.detail.baseline")
                : both("refusal.detail.venuePolicy", p.baselineVersion()));
        t.wide("refusal.detail.conformance", d.nonConforming() ? rules(d.item().nonConformance())
                : both("refusal.detail.conforms"));
        if (p != null) {
            t.half("refusal.detail.effectiveFrom", time(p.effectiveFrom()));
            t.half("refusal.detail.fever", "≥ " + p.params().feverThresholdC().toPlainString() + " °C");
            t.half("refusal.detail.colors", p.params().admittedColors().stream().sorted()
                    .map(c -> both("verdict.color." + c)).collect(Collectors.joining("; ")));
            t.half("refusal.detail.photoRule", yesNo(p.params().photolessRequiresIdCheck()));
            t.half("refusal.detail.maskRule", yesNo(p.params().maskRequired()));
            t.wide("refusal.detail.policyReason", p.reason());
        }
        return t.table();
    }

    private PdfPTable timeline(RefusalDetail d) {
        PdfPTable t = grid("refusal.detail.timeline", new float[]{3.2f, 2, 1.4f, 2.2f, 3.4f, 1.4f}, "refusal.col.time", "refusal.col.venue",
                "refusal.col.gate", "refusal.col.outcome", "refusal.col.reasons", "refusal.col.temperature");
        if (d.timeline().isEmpty()) {
            none(t, 6, "refusal.evidence.noTimeline");
        }
        for (TimelineEntry e : d.timeline()) {
            Color shade = e.thisRefusal() ? SHADE : null;
            cell(t, time(e.scannedAt()), shade);
            cell(t, e.venueCode(), shade);
            cell(t, e.gateCode(), shade);
            cell(t, both("verdict.outcome." + e.outcome().name())
                    + (e.thisRefusal() ? "\n◀ " + both("refusal.evidence.thisRefusal") : ""), shade);
            cell(t, reasons(e.reasons()), shade);
            cell(t, e.temperatureC() == null ? null : e.temperatureC().toPlainString() + " °C", shade);
        }
        return t;
    }

    private PdfPTable history(RefusalDetail d) {
        PdfPTable t = grid("refusal.detail.history", new float[]{2.6f, 2, 4.4f, 2.4f, 1.6f, 1.8f}, "refusal.col.time",
                "refusal.review.disposition", "refusal.review.comment", "refusal.evidence.appeal",
                "refusal.review.by", "refusal.evidence.auditEntry");
        if (d.reviews().isEmpty()) {
            none(t, 6, "refusal.evidence.noReviews");
        }
        for (Review r : d.reviews()) {
            cell(t, time(r.reviewedAt()), null);
            cell(t, both("refusal.status." + r.disposition().name()), null);
            cell(t, r.comment(), null);
            cell(t, r.appealReference() == null ? null : r.appealReference()
                    + (r.appealOutcome() == null ? "" : "\n" + r.appealOutcome()), null);
            cell(t, r.reviewedBy(), null);
            cell(t, r.auditEntryId() == null ? null : "#" + r.auditEntryId(), null);
        }
        return t;
    }

    private PdfPTable thisSheet() {
        AuditPosition look = evidence.look();
        Pairs t = new Pairs("refusal.evidence.thisSheet");
        t.half("refusal.evidence.producedBy", evidence.lookedBy());
        t.half("refusal.evidence.producedAt", AUDIT_TIME.format(look.occurredAt().atZone(zone)));
        t.half("refusal.evidence.auditEntry", "#" + look.id());
        t.wide("refusal.evidence.hash", look.hash());
        PdfPCell note = plain();
        note.setColspan(4);
        note.setPaddingTop(Pdfs.mm(2));
        note.addElement(para(zh("refusal.evidence.chainNote"), 8.5f, Color.BLACK));
        note.addElement(para(en("refusal.evidence.chainNote"), 7, GREY));
        PdfPTable table = t.table();
        table.addCell(note);
        return table;
    }

    /**
     * A heading in Chinese with the English beside it, as the first row of its table: a table is kept on one page
     * when it fits there, so a heading never stands alone at the foot of a page.
     */
    private PdfPCell heading(String key, int columns) {
        // the paragraph's own font is the CJK one too: a bare Paragraph would bring in an unembedded Helvetica
        Paragraph p = new Paragraph(zh(key), font(11.5f, RED));
        p.add(new Chunk("  " + en(key), font(8.5f, GREY)));
        PdfPCell cell = plain();
        cell.setColspan(columns);
        cell.setPaddingTop(Pdfs.mm(4));
        cell.setPaddingBottom(Pdfs.mm(1.5));
        cell.addElement(p);
        return cell;
    }

    /** Labels and values two pairs to a row, or one pair across the row for a long value. */
    private final class Pairs {
        private final PdfPTable table = new PdfPTable(new float[]{1.15f, 2, 1.15f, 2});
        private boolean halfRow;

        Pairs(String headingKey) {
            table.setWidthPercentage(100);
            table.setKeepTogether(true);
            table.addCell(heading(headingKey, 4));
        }

        void half(String key, String value) {
            table.addCell(label(key));
            table.addCell(value(value, 1));
            halfRow = !halfRow;
        }

        void wide(String key, String value) {
            pad();
            table.addCell(label(key));
            table.addCell(value(value, 3));
        }

        PdfPTable table() {
            pad();
            return table;
        }

        private void pad() {
            if (halfRow) {
                table.addCell(bordered(null));
                table.addCell(bordered(null));
                halfRow = false;
            }
        }

        private PdfPCell label(String key) {
            PdfPCell label = bordered(null);
            label.addElement(para(zh(key), 8.5f, Color.BLACK));
            label.addElement(para(en(key), 6.5f, GREY));
            return label;
        }

        private PdfPCell value(String value, int columns) {
            PdfPCell v = bordered(null);
            v.setColspan(columns);
            v.addElement(para(value == null || value.isBlank() ? "–" : value, 9.5f, Color.BLACK));
            return v;
        }
    }

    /** A table with its heading and a row of bilingual labels, both repeated on every page it runs over. */
    private PdfPTable grid(String headingKey, float[] widths, String... keys) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setKeepTogether(true);
        t.addCell(heading(headingKey, widths.length));
        t.setHeaderRows(2);
        for (String key : keys) {
            PdfPCell h = bordered(SHADE);
            h.addElement(para(zh(key), 8, Color.BLACK));
            h.addElement(para(en(key), 6, GREY));
            t.addCell(h);
        }
        return t;
    }

    private void cell(PdfPTable t, String value, Color shade) {
        PdfPCell c = bordered(shade);
        c.addElement(para(value == null || value.isBlank() ? "–" : value, 8.5f, Color.BLACK));
        t.addCell(c);
    }

    private void none(PdfPTable t, int columns, String key) {
        PdfPCell c = bordered(null);
        c.setColspan(columns);
        c.addElement(para(both(key), 8.5f, GREY));
        t.addCell(c);
    }

    private static PdfPCell bordered(Color shade) {
        PdfPCell c = new PdfPCell();
        c.setBorderColor(LINE);
        c.setBorderWidth(0.6f);
        c.setPadding(Pdfs.mm(1.2));
        c.setPaddingTop(Pdfs.mm(0.4));
        if (shade != null) {
            c.setBackgroundColor(shade);
        }
        return c;
    }

    private static PdfPCell plain() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        return c;
    }

    private Font font(float points, Color color) {
        return new Font(font, points, Font.NORMAL, color);
    }

    private Paragraph para(String text, float points, Color color) {
        Paragraph p = new Paragraph(text, font(points, color));
        p.setLeading(points * 1.35f);
        return p;
    }

    /** The verdict, this sheet's audit entry and the page, at the foot of every page. */
    private final class Footer extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String text = evidence.detail().item().verdictId() + " · " + position(evidence.look()) + " · "
                    + messages.getTranslation("refusal.evidence.page", MessagesI18NProvider.CHINESE,
                    writer.getPageNumber()) + " / " + messages.getTranslation("refusal.evidence.page",
                    MessagesI18NProvider.ENGLISH, writer.getPageNumber());
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase(text, font(6.5f, GREY)), document.right(), Pdfs.mm(8), 0);
        }
    }

    private String position(AuditPosition p) {
        return "#" + p.id() + " (" + p.hash().substring(0, 12) + "…)";
    }

    private String reasons(Set<RefusalReason> reasons) {
        return reasons.stream().sorted().map(r -> both("verdict.reason." + r.name())).collect(Collectors.joining("; "));
    }

    private String rules(String nonConformance) {
        if (nonConformance == null || nonConformance.isBlank()) {
            return null;
        }
        Collection<String> rules = Arrays.stream(nonConformance.split(",")).map(String::trim).toList();
        return rules.stream().map(r -> both("verdict.rule." + r)).collect(Collectors.joining("; "));
    }

    private String yesNo(Boolean b) {
        return b == null ? null : both(b ? "refusal.yes" : "refusal.no");
    }

    private String time(Instant at) {
        return at == null ? null : TIME.format(at.atZone(zone));
    }

    private String zh(String key, Object... args) {
        return messages.getTranslation(key, MessagesI18NProvider.CHINESE, args);
    }

    private String en(String key, Object... args) {
        return messages.getTranslation(key, MessagesI18NProvider.ENGLISH, args);
    }

    /** Chinese, then the English after a slash where it says something else. */
    private String both(String key, Object... args) {
        String zh = zh(key, args);
        String en = en(key, args);
        return zh.equals(en) ? zh : zh + " / " + en;
    }
}
