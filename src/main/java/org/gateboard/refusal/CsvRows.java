package org.gateboard.refusal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF, one line per refusal. */
final class CsvRows implements ExportRows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private final Writer w;
    private final ZoneId zone;
    private final StringBuilder line = new StringBuilder(256);

    CsvRows(OutputStream out, ZoneId zone) throws IOException {
        this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.zone = zone;
        w.write('\uFEFF');
        w.write(String.join(",", ExportRows.columns(zone)) + "\r\n");
    }

    @Override
    public void row(RefusalItem i) throws IOException {
        line.setLength(0);
        line.append(i.verdictId()).append(',').append(TIME.format(i.scannedAt().atZone(zone))).append(',');
        cell(line, i.venueCode()).append(',');
        cell(line, i.gateCode()).append(',');
        line.append(i.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(" "))).append(',');
        line.append(i.codeColor() == null ? "" : i.codeColor().name()).append(',');
        line.append(i.channel() == null ? "" : i.channel().name()).append(',');
        line.append(i.temperatureC() == null ? "" : i.temperatureC().toPlainString()).append(',');
        line.append(i.personRole().name()).append(',');
        cell(line, i.idNumberMasked()).append(',');
        cell(line, i.personName()).append(',');
        line.append(i.policyVersion()).append(',');
        cell(line, i.nonConformance()).append(',');
        line.append(i.review() == null ? "" : i.review().disposition().name()).append("\r\n");
        w.append(line);
    }

    @Override
    public void flush() {
        // the writer's buffer goes out as it fills; flushing every chunk would only make smaller packets
    }

    @Override
    public void finish() throws IOException {
        w.flush();
    }

    /**
     * Quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is defused with a quote
     * mark, so a name cannot become a spreadsheet formula.
     */
    static StringBuilder cell(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return line;
        }
        String v = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return line.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return line.append(v);
    }
}
