package org.gateboard.refusal;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Role;
import org.gateboard.base.db.ReplicaReads;
import org.gateboard.refusal.internal.ReviewStore;
import org.gateboard.refusal.internal.Scope;
import org.gateboard.refusal.internal.Searcher;
import org.gateboard.verdict.RefusalCursor;
import org.gateboard.verdict.RefusalFilter;
import org.gateboard.verdict.RefusalQueries;
import org.gateboard.verdict.RefusalRow;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A search's refusals as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese) or XLSX, written while
 * the database streams them: at most {@link #CHUNK} rows are held at a time, to look up their reviews. ID numbers
 * are masked; names are in full for officials only. Each export is audited with its filter, format and row
 * count, and an export by ID number is logged as a look at that person's data.
 */
@Service
public class RefusalExport {

    static final int CHUNK = 1_000;

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
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public long export(RefusalSearch search, OutputStream out, LongConsumer progress) {
        return export(search, ExportFormat.CSV, out, progress);
    }

    /** Writes the file in {@code format} and answers how many refusals it holds. */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public long export(RefusalSearch search, ExportFormat format, OutputStream out, LongConsumer progress) {
        RefusalFilter filter = service.filter(search);
        long[] written = {0};
        RefusalService.Codes codes = new RefusalService.Codes();
        try {
            // a heavy read the replica may answer; the audit entry and the look below are written to the primary
            ReplicaReads.run(() -> write(search.reviewStatus(), filter, format, out, codes, written, progress));
            return written[0];
        } finally {
            // also when the client went away half-way: the rows sent so far were seen
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("filter", search.describe());
            what.put("format", format.name());
            what.put("rows", written[0]);
            audit.record("refusal-export", null, "refusal.exported", null, what);
            if (filter.idNumberHash() != null) {
                reviews.look(scope.user().username(), java.time.Instant.now(), "EXPORT", null, filter.idNumberHash(),
                        written[0]);
            }
        }
    }

    private void write(ReviewStatus status, RefusalFilter filter, ExportFormat format, OutputStream out,
                       RefusalService.Codes codes, long[] written, LongConsumer progress) {
        try {
            ExportRows sink = format == ExportFormat.XLSX ? new XlsxRows(out, zone) : new CsvRows(out, zone);
            List<RefusalRow> chunk = new ArrayList<>(CHUNK);
            if (status == null || status == ReviewStatus.UNREVIEWED) {
                queries.stream(filter, row -> {
                    chunk.add(row);
                    if (chunk.size() == CHUNK) {
                        written[0] += flush(chunk, status, codes, sink);
                        progress.accept(written[0]);
                    }
                });
                written[0] += flush(chunk, status, codes, sink);
            } else {
                RefusalCursor cursor = null;
                do {
                    Searcher.Found found = searcher.page(filter, status, cursor, RefusalService.MAX_LIMIT);
                    chunk.addAll(found.rows());
                    written[0] += flush(chunk, null, codes, sink);
                    progress.accept(written[0]);
                    cursor = found.next();
                } while (cursor != null);
            }
            sink.finish();
            progress.accept(written[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int flush(List<RefusalRow> chunk, ReviewStatus status, RefusalService.Codes codes, ExportRows sink) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Map<Long, Review> current = reviews.current(chunk.stream().map(RefusalRow::seq).toList());
        List<RefusalRow> rows = status == ReviewStatus.UNREVIEWED
                ? chunk.stream().filter(r -> !current.containsKey(r.seq())).toList() : List.copyOf(chunk);
        chunk.clear();
        try {
            for (RefusalItem i : service.items(rows, current, codes)) {
                sink.row(i);
            }
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.size();
    }
}
