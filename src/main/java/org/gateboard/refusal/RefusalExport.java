package org.gateboard.refusal;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Roles;
import org.gateboard.base.db.ReplicaReads;
import org.gateboard.refusal.internal.ReviewStore;
import org.gateboard.refusal.internal.Scope;
import org.gateboard.refusal.internal.Searcher;
import org.gateboard.verdict.RefusalCursor;
import org.gateboard.verdict.RefusalFilter;
import org.gateboard.verdict.RefusalQueries;
import org.gateboard.verdict.RefusalRow;
import org.springframework.stereotype.Service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * A search's refusals as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese), written while the
 * database streams them: at most {@link #CHUNK} rows are held at a time, to look up their reviews. ID numbers
 * are masked; names are in full for officials only. Each export is audited with its filter and row count,
 * and an export by ID number is logged as a look at that person's data.
 */
@Service
public class RefusalExport {

    static final int CHUNK = 1_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    static final String HEADER = "verdictId,scannedAt,venueCode,gateCode,reasons,codeColor,channel,temperatureC,"
            + "personRole,idNumberMasked,personName,policyVersion,nonConformance,review";

    private final RefusalService service;
    private final RefusalQueries queries;
    private final Searcher searcher;
    private final ReviewStore reviews;
    private final Scope scope;
    private final AuditService audit;
    private final ZoneId zone;

    RefusalExport(RefusalService service, RefusalQueries queries, Searcher searcher, ReviewStore reviews, Scope scope,
                  AuditService audit, ZoneId venueZone) {
        this.service = service;
        this.queries = queries;
        this.searcher = searcher;
        this.reviews = reviews;
        this.scope = scope;
        this.audit = audit;
        this.zone = venueZone;
    }

    /** Writes the CSV and answers how many refusals it holds; {@code progress} hears the count every chunk. */
    @RolesAllowed({Roles.OFFICIAL, Roles.MANAGER})
    public long export(RefusalSearch search, OutputStream out, LongConsumer progress) {
        RefusalFilter filter = service.filter(search);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long[] written = {0};
        try {
            // a heavy read the replica may answer; the audit entry and the look below are written to the primary
            ReplicaReads.run(() -> write(filter, search.reviewStatus(), w, written, progress));
            return written[0];
        } finally {
            // also when the client went away half-way: the rows sent so far were seen
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("filter", search.describe());
            what.put("rows", written[0]);
            audit.record("refusal-export", null, "refusal.exported", null, what);
            if (filter.idNumberHash() != null) {
                reviews.look(scope.user().username(), java.time.Instant.now(), "EXPORT", null, filter.idNumberHash(),
                        written[0]);
            }
        }
    }

    private void write(RefusalFilter filter, ReviewStatus status, Writer w, long[] written, LongConsumer progress) {
        try {
            w.write('\uFEFF');
            w.write(HEADER + " (" + zone.getId() + ")\r\n");
            List<RefusalRow> chunk = new ArrayList<>(CHUNK);
            if (status == null || status == ReviewStatus.UNREVIEWED) {
                queries.stream(filter, row -> {
                    chunk.add(row);
                    if (chunk.size() == CHUNK) {
                        written[0] += flush(chunk, status, w);
                        progress.accept(written[0]);
                    }
                });
                written[0] += flush(chunk, status, w);
            } else {
                RefusalCursor cursor = null;
                do {
                    Searcher.Found found = searcher.page(filter, status, cursor, RefusalService.MAX_LIMIT);
                    chunk.addAll(found.rows());
                    written[0] += flush(chunk, null, w);
                    progress.accept(written[0]);
                    cursor = found.next();
                } while (cursor != null);
            }
            w.flush();
            progress.accept(written[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int flush(List<RefusalRow> chunk, ReviewStatus status, Writer w) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Map<Long, Review> current = reviews.current(chunk.stream().map(RefusalRow::seq).toList());
        List<RefusalRow> rows = status == ReviewStatus.UNREVIEWED
                ? chunk.stream().filter(r -> !current.containsKey(r.seq())).toList() : List.copyOf(chunk);
        chunk.clear();
        try {
            StringBuilder line = new StringBuilder(256);
            for (RefusalItem i : service.items(rows, current)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.size();
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
