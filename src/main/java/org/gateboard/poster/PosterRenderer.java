package org.gateboard.poster;

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
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.base.pdf.Pdfs;
import org.gateboard.base.pdf.QrCodes;
import org.gateboard.verdict.Channel;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Draws posters with OpenPDF: the sheet (all of a venue's channels on one page) and a single channel's poster.
 * The preview in the UI is a picture of these very bytes. Sizes are for A4 and scale with the paper; the
 * printed QR widths are the ones docs/posters.md gives reasons for.
 */
final class PosterRenderer {

    /** Printed code width on an A4 sheet (2 columns); A3 scales it by √2. */
    static final float SHEET_QR_MM = 62;
    /** The least a sheet's code shrinks to when long notes need the room (1.64 mm modules at most 33). */
    static final float SHEET_QR_MIN_MM = 54;
    /** Printed code width of a single channel's A4 poster. */
    static final float SINGLE_QR_MM = 120;
    private static final Color RED = new Color(0xB0, 0x1E, 0x23);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color LINE = new Color(0xC8, 0xC8, 0xC8);

    /** One document being written: a page per poster, the font subset written when it closes. */
    static final class Pages implements AutoCloseable {
        private final Document doc = new Document();
        private final PdfWriter writer;
        private final BaseFont font;
        private boolean empty = true;

        Pages(OutputStream out) {
            this(out, Pdfs.cjkFont());
        }

        private Pages(OutputStream out, BaseFont font) {
            this.font = font;
            writer = PdfWriter.getInstance(doc, out);
            writer.setFullCompression();
            doc.addCreator("Gateboard");
        }

        void sheet(PosterContent c, PaperSize size, String label) {
            // long notes with four channels need room: the codes give some up, never below their minimum
            float qr = SHEET_QR_MM;
            while (qr > SHEET_QR_MIN_MM && !fitsOnePage(c, size, label, qr)) {
                qr -= 2;
            }
            sheet(c, size, label, qr);
        }

        /** Lays the sheet out in a scratch document and says whether it stayed on one page. */
        private boolean fitsOnePage(PosterContent c, PaperSize size, String label, float qr) {
            try (Pages scratch = new Pages(OutputStream.nullOutputStream(), font)) {
                scratch.sheet(c, size, label, qr);
                return scratch.writer.getPageNumber() == 1;
            }
        }

        private void sheet(PosterContent c, PaperSize size, String label, float qrMm) {
            Layout l = start(size);
            PosterTemplate t = c.parts().get(0).template();
            add(header(l, c, t));
            PdfPTable grid = new PdfPTable(c.parts().size() == 1 ? 1 : 2);
            grid.setWidthPercentage(100);
            grid.setSpacingBefore(l.mm(2));
            for (PosterContent.Part p : c.parts()) {
                grid.addCell(channelCell(l, c, p, qrMm));
            }
            if (c.parts().size() % 2 == 1 && c.parts().size() > 1) {
                grid.addCell(block());
            }
            add(grid);
            PdfPTable notes = notes(l, c);
            if (notes != null) {
                add(notes);
            }
            footer(l, c, t, label);
        }

        void channel(PosterContent c, Channel channel, PaperSize size, String label) {
            PosterContent.Part part = c.parts().stream().filter(p -> p.channel().channel() == channel).findFirst()
                    .orElseThrow();
            Layout l = start(size);
            add(header(l, c, part.template()));
            PdfPTable one = new PdfPTable(1);
            one.setWidthPercentage(80);
            one.setSpacingBefore(l.mm(4));
            one.addCell(channelCell(l, c, part, SINGLE_QR_MM));
            add(one);
            PdfPTable notes = notes(l, c);
            if (notes != null) {
                add(notes);
            }
            footer(l, c, part.template(), label);
        }

        private Layout start(PaperSize size) {
            Layout l = new Layout(font, size.scale(), size);
            float m = l.mm(13);
            doc.setPageSize(size.page());
            // the bottom margin leaves room for the footer drawn at a fixed place
            doc.setMargins(m, m, l.mm(10), l.mm(28));
            if (empty) {
                doc.open();
                empty = false;
            } else {
                doc.newPage();
            }
            return l;
        }

        private PdfPTable header(Layout l, PosterContent c, PosterTemplate t) {
            PdfPCell top = block();
            Paragraph title = l.para(t.titleZh(), 26, RED, Element.ALIGN_CENTER);
            title.getChunks().forEach(ch -> ((Chunk) ch).setTextRenderMode(
                    PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, l.scale * 0.5f, RED));
            top.addElement(title);
            if (c.language() == PosterLanguage.ZH_EN) {
                top.addElement(l.para(t.titleEn(), 13, GREY, Element.ALIGN_CENTER));
            }
            Paragraph venue = l.para(c.venueNameZh() + "　" + c.controlPointZh(), 16, Color.BLACK, Element.ALIGN_CENTER);
            venue.setSpacingBefore(l.mm(2));
            top.addElement(venue);
            if (c.language() == PosterLanguage.ZH_EN) {
                top.addElement(l.para(join(c.venueNameEn(), c.controlPointEn()), 9.5f, GREY, Element.ALIGN_CENTER));
            }
            String where = c.language() == PosterLanguage.ZH_EN ? join(c.locationZh(), c.locationEn()) : c.locationZh();
            if (!where.isEmpty()) {
                top.addElement(l.para(where, 9.5f, GREY, Element.ALIGN_CENTER));
            }
            // the red rule under the heading, as on a printed notice
            top.setBorder(Rectangle.BOTTOM);
            top.setBorderColorBottom(RED);
            top.setBorderWidthBottom(1.2f * l.scale);
            top.setPaddingBottom(l.mm(2.5));
            PdfPCell text = block();
            text.setPaddingTop(l.mm(2));
            text.addElement(l.para(t.instructionsZh(), 12, Color.BLACK, Element.ALIGN_LEFT));
            if (c.language() == PosterLanguage.ZH_EN) {
                text.addElement(l.para(t.instructionsEn(), 8.5f, GREY, Element.ALIGN_LEFT));
            }
            PdfPTable header = new PdfPTable(1);
            header.setWidthPercentage(100);
            header.addCell(top);
            header.addCell(text);
            return header;
        }

        private PdfPCell channelCell(Layout l, PosterContent c, PosterContent.Part p, float qrMm) {
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(LINE);
            cell.setBorderWidth(0.8f);
            cell.setPadding(l.mm(2));
            cell.setPaddingBottom(l.mm(3));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            ChannelDefinition ch = p.channel();
            Paragraph name = l.para(ch.nameZh(), qrMm > SHEET_QR_MM ? 24 : 13, Color.BLACK, Element.ALIGN_CENTER);
            name.getChunks().forEach(x -> ((Chunk) x).setTextRenderMode(
                    PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, l.scale * 0.3f, Color.BLACK));
            cell.addElement(name);
            if (c.language() == PosterLanguage.ZH_EN) {
                cell.addElement(l.para(ch.nameEn(), 8.5f, GREY, Element.ALIGN_CENTER));
            }
            Image qr = QrCodes.image(writer.getDirectContent(), ch.payload(), l.mm(qrMm));
            // in a chunk the code keeps its printed width (a cell would stretch an image to its own width)
            Paragraph code = new Paragraph(new Chunk(qr, 0, 0, true));
            code.setAlignment(Element.ALIGN_CENTER);
            // the white space around the code is its quiet zone: at least four modules on every side
            code.setSpacingBefore(l.mm(1.5));
            code.setSpacingAfter(l.mm(1.5));
            cell.addElement(code);
            cell.addElement(l.para(ch.instructionsZh(), qrMm > SHEET_QR_MM ? 13 : 9, Color.BLACK, Element.ALIGN_LEFT));
            if (c.language() == PosterLanguage.ZH_EN) {
                cell.addElement(l.para(ch.instructionsEn(), qrMm > SHEET_QR_MM ? 9 : 7, GREY, Element.ALIGN_LEFT));
            }
            return cell;
        }

        /** The venue's own notes, or null when it has none. */
        private PdfPTable notes(Layout l, PosterContent c) {
            if (c.notesZh().isEmpty() && c.notesEn().isEmpty()) {
                return null;
            }
            PdfPCell cell = block();
            cell.addElement(l.para("现场须知：" + c.notesZh(), 10.5f, Color.BLACK, Element.ALIGN_LEFT));
            if (c.language() == PosterLanguage.ZH_EN && !c.notesEn().isEmpty()) {
                cell.addElement(l.para("On site: " + c.notesEn(), 8, GREY, Element.ALIGN_LEFT));
            }
            PdfPTable notes = new PdfPTable(1);
            notes.setWidthPercentage(100);
            notes.setSpacingBefore(l.mm(2.5));
            notes.addCell(cell);
            return notes;
        }

        private static PdfPCell block() {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            return cell;
        }

        /** At a fixed place at the bottom of the page, whatever the content above took. */
        private void footer(Layout l, PosterContent c, PosterTemplate t, String label) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = doc.getPageSize();
            float left = doc.leftMargin();
            float right = page.getWidth() - doc.rightMargin();
            float top = l.mm(25.5);
            cb.setColorStroke(RED);
            cb.setLineWidth(1.2f * l.scale);
            cb.moveTo(left, top);
            cb.lineTo(right, top);
            cb.stroke();
            ColumnText col = new ColumnText(cb);
            col.setSimpleColumn(left, l.mm(5), right, top - l.mm(0.5));
            col.addElement(l.para(t.appealZh(), 11, RED, Element.ALIGN_CENTER));
            if (c.language() == PosterLanguage.ZH_EN) {
                col.addElement(l.para(t.appealEn(), 8, GREY, Element.ALIGN_CENTER));
            }
            Paragraph office = l.para(t.footerZh(), 10.5f, Color.BLACK, Element.ALIGN_CENTER);
            office.setSpacingBefore(l.mm(1.5));
            col.addElement(office);
            if (c.language() == PosterLanguage.ZH_EN) {
                col.addElement(l.para(t.footerEn(), 7.5f, GREY, Element.ALIGN_CENTER));
            }
            col.go();
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(label, l.font(6.5f, GREY)),
                    right, l.mm(4), 0);
        }

        private void add(Element e) {
            doc.add(e);
        }

        @Override
        public void close() {
            if (empty) {
                doc.open();
                doc.add(new Paragraph(" "));
            }
            doc.close();
        }
    }

    /** Sizes for one page: points from A4 figures, scaled to the paper. */
    private record Layout(BaseFont base, float scale, PaperSize size) {
        float mm(double a4Millimetres) {
            return Pdfs.mm(a4Millimetres) * scale;
        }

        Font font(float a4Points, Color color) {
            return new Font(base, a4Points * scale, Font.NORMAL, color);
        }

        Paragraph para(String text, float a4Points, Color color, int align) {
            Paragraph p = new Paragraph(text, font(a4Points, color));
            p.setAlignment(align);
            p.setLeading(a4Points * scale * 1.35f);
            return p;
        }
    }

    private PosterRenderer() {
    }

    static byte[] sheet(PosterContent c, PaperSize size, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Pages pages = new Pages(out)) {
            pages.sheet(c, size, label);
        }
        return out.toByteArray();
    }

    static byte[] channel(PosterContent c, Channel channel, PaperSize size, String label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Pages pages = new Pages(out)) {
            pages.channel(c, channel, size, label);
        }
        return out.toByteArray();
    }

    private static String join(String a, String b) {
        return List.of(a == null ? "" : a, b == null ? "" : b).stream().filter(s -> !s.isBlank())
                .reduce((x, y) -> x + " · " + y).orElse("");
    }
}
