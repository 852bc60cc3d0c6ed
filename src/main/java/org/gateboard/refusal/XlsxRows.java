package org.gateboard.refusal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An Excel workbook written while the rows arrive (fastexcel): each chunk's rows are flushed to the stream, and
 * text is written inline rather than into a shared-strings table, so memory stays flat however many rows
 * there are. A worksheet holds at most 1,048,576 rows; a longer export continues on the next worksheet, each
 * with the header row. Text cells are never formulas, so nothing needs defusing as in CSV.
 */
final class XlsxRows implements ExportRows {

    /** Excel's limit, header included. */
    static final int EXCEL_ROWS = Worksheet.MAX_ROWS;
    private static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss.000";

    private final Workbook workbook;
    private final ZoneId zone;
    private final int rowsPerSheet;
    private final List<String> columns;
    private Worksheet sheet;
    private int sheets;
    private int row;

    XlsxRows(OutputStream out, ZoneId zone) {
        this(out, zone, EXCEL_ROWS);
    }

    /** {@code rowsPerSheet} counts the header row; smaller than Excel's limit only in tests. */
    XlsxRows(OutputStream out, ZoneId zone, int rowsPerSheet) {
        this.workbook = new Workbook(out, "Gateboard", "1.0");
        this.zone = zone;
        this.rowsPerSheet = rowsPerSheet;
        this.columns = ExportRows.columns(zone);
    }

    @Override
    public void row(RefusalItem i) throws IOException {
        if (sheet == null || row == rowsPerSheet) {
            nextSheet();
        }
        int c = 0;
        text(c++, i.verdictId().toString());
        sheet.value(row, c, i.scannedAt().atZone(zone).toLocalDateTime());
        sheet.style(row, c++).format(TIME_FORMAT).set();
        text(c++, i.venueCode());
        text(c++, i.gateCode());
        text(c++, i.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")));
        text(c++, i.codeColor() == null ? null : i.codeColor().name());
        text(c++, i.channel() == null ? null : i.channel().name());
        if (i.temperatureC() != null) {
            sheet.value(row, c, i.temperatureC());
        }
        c++;
        text(c++, i.personRole().name());
        text(c++, i.idNumberMasked());
        text(c++, i.personName());
        sheet.value(row, c++, i.policyVersion());
        text(c++, i.nonConformance());
        text(c, i.review() == null ? null : i.review().disposition().name());
        row++;
    }

    @Override
    public void flush() throws IOException {
        if (sheet != null) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        if (sheet == null) {
            nextSheet();
        }
        sheet.finish();
        workbook.finish();
    }

    private void nextSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? "refusals" : "refusals (" + sheets + ")");
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, columns.get(c));
        }
        sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        sheet.width(1, 24);
        row = 1;
    }

    private void text(int column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column, value);
        }
    }
}
