package org.gateboard.refusal.internal;

import org.gateboard.refusal.Review;
import org.gateboard.refusal.ReviewStatus;
import org.gateboard.verdict.RefusalCursor;
import org.gateboard.verdict.RefusalFilter;
import org.gateboard.verdict.RefusalPage;
import org.gateboard.verdict.RefusalQueries;
import org.gateboard.verdict.RefusalRow;
import org.gateboard.refusal.Disposition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Joins the verdict log's refusals with this feature's dispositions without either side naming the other's
 * table. Any review status: one page of the verdict index. Unreviewed: pages of the verdict index with the
 * reviewed ones skipped (reviews are few next to refusals, so a page rarely needs a second read). One
 * disposition: pages of {@code refusal_review_state} in the same order, whose rows the verdict log then
 * returns when they match the other conditions. Either loop stops after {@link #MAX_ROUNDS} reads and answers
 * a short page with a cursor, so a search never runs away; the client simply asks for the next page.
 */
@Component
public class Searcher {

    static final int MAX_ROUNDS = 20;

    private final RefusalQueries queries;
    private final ReviewStore reviews;

    Searcher(RefusalQueries queries, ReviewStore reviews) {
        this.queries = queries;
        this.reviews = reviews;
    }

    /** Refusals with their current review, and where the page ended. */
    public record Found(List<RefusalRow> rows, Map<Long, Review> reviews, RefusalCursor next) {
    }

    public Found page(RefusalFilter filter, ReviewStatus status, RefusalCursor after, int limit) {
        if (status == null) {
            RefusalPage page = queries.page(filter, after, limit);
            return found(page.rows(), page.more() ? page.last() : null);
        }
        if (status == ReviewStatus.UNREVIEWED) {
            return unreviewed(filter, after, limit);
        }
        return withDisposition(filter, Disposition.valueOf(status.name()), after, limit);
    }

    private Found unreviewed(RefusalFilter filter, RefusalCursor after, int limit) {
        List<RefusalRow> rows = new ArrayList<>();
        RefusalCursor cursor = after;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            RefusalPage page = queries.page(filter, cursor, limit);
            Map<Long, Review> reviewed = reviews.current(page.rows().stream().map(RefusalRow::seq).toList());
            for (RefusalRow row : page.rows()) {
                cursor = row.cursor();
                if (!reviewed.containsKey(row.seq())) {
                    rows.add(row);
                    if (rows.size() == limit) {
                        boolean last = !page.more() && row == page.rows().get(page.rows().size() - 1);
                        return new Found(rows, Map.of(), last ? null : cursor);
                    }
                }
            }
            if (!page.more()) {
                return new Found(rows, Map.of(), null);
            }
        }
        return new Found(rows, Map.of(), cursor);
    }

    private Found withDisposition(RefusalFilter filter, Disposition disposition, RefusalCursor after, int limit) {
        List<RefusalRow> rows = new ArrayList<>();
        RefusalCursor cursor = after;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Long> seqs = reviews.seqsWith(disposition, filter.from(), filter.to(), filter.venueIds(), cursor,
                    limit + 1);
            boolean more = seqs.size() > limit;
            List<Long> chunk = more ? seqs.subList(0, limit) : seqs;
            if (chunk.isEmpty()) {
                return found(rows, null);
            }
            List<RefusalRow> matching = queries.bySeqs(chunk, filter);
            for (RefusalRow row : matching) {
                rows.add(row);
                if (rows.size() == limit) {
                    return found(rows, row.cursor());
                }
            }
            if (!more) {
                return found(rows, null);
            }
            // the chunk's last position, read from the verdicts matched or not: continue after it
            cursor = lastPosition(chunk, matching, cursor, filter);
        }
        return found(rows, cursor);
    }

    private RefusalCursor lastPosition(List<Long> chunk, List<RefusalRow> matching, RefusalCursor before,
                                       RefusalFilter filter) {
        long lastSeq = chunk.get(chunk.size() - 1);
        for (RefusalRow row : matching) {
            if (row.seq() == lastSeq) {
                return row.cursor();
            }
        }
        // the last one did not match the other conditions: its position comes from the verdict itself
        return queries.bySeqs(List.of(lastSeq), RefusalFilter.all()).stream().findFirst().map(RefusalRow::cursor)
                .orElse(before);
    }

    private Found found(List<RefusalRow> rows, RefusalCursor next) {
        return new Found(rows, reviews.current(rows.stream().map(RefusalRow::seq).toList()), next);
    }
}
