package org.gateboard.refusal.internal;

import org.gateboard.refusal.Disposition;
import org.gateboard.refusal.Look;
import org.gateboard.refusal.Review;
import org.gateboard.verdict.RefusalCursor;
import org.gateboard.verdict.RefusalRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The refusal feature's own tables: dispositions, their current state per refusal, and looks. */
@Repository
public class ReviewStore {

    private static final RowMapper<Review> REVIEW = (rs, i) -> new Review(rs.getLong("id"),
            Disposition.valueOf(rs.getString("disposition")), rs.getString("comment"),
            rs.getString("appeal_reference"), rs.getString("appeal_outcome"), rs.getString("reviewed_by"),
            rs.getTimestamp("reviewed_at").toInstant(), rs.getObject("audit_entry_id", Long.class));
    private static final String REVIEW_COLUMNS = "r.id, r.disposition, r.comment, r.appeal_reference,"
            + " r.appeal_outcome, r.reviewed_by, r.reviewed_at, r.audit_entry_id";

    private final JdbcTemplate jdbc;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a disposition and makes it the refusal's current one; answers its id. */
    public long add(RefusalRow refusal, Disposition disposition, String comment, String appealReference,
                    String appealOutcome, String by, Instant at) {
        jdbc.update("INSERT INTO refusal_review (verdict_seq, verdict_id, disposition, comment, appeal_reference,"
                        + " appeal_outcome, reviewed_by, reviewed_at) VALUES (?,?,?,?,?,?,?,?)", refusal.seq(),
                bytes(refusal), disposition.name(), comment, appealReference, appealOutcome, by, Timestamp.from(at));
        long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
        jdbc.update("INSERT INTO refusal_review_state (verdict_seq, verdict_id, venue_id, scanned_at, disposition,"
                        + " review_id) VALUES (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE disposition = VALUES(disposition),"
                        + " review_id = VALUES(review_id)", refusal.seq(), bytes(refusal), refusal.venueId(),
                Timestamp.from(refusal.scannedAt()), disposition.name(), id);
        return id;
    }

    /** Notes the audit entry written with a disposition (in the same transaction as both). */
    public void auditEntry(long reviewId, long auditEntryId) {
        jdbc.update("UPDATE refusal_review SET audit_entry_id = ? WHERE id = ?", auditEntryId, reviewId);
    }

    /** Every disposition of one refusal, oldest first. */
    public List<Review> history(long verdictSeq) {
        return jdbc.query("SELECT " + REVIEW_COLUMNS + " FROM refusal_review r WHERE r.verdict_seq = ? ORDER BY r.id",
                REVIEW, verdictSeq);
    }

    /** The current disposition of each of these refusals that has one. */
    public Map<Long, Review> current(Collection<Long> verdictSeqs) {
        Map<Long, Review> current = new HashMap<>();
        if (verdictSeqs.isEmpty()) {
            return current;
        }
        jdbc.query("SELECT s.verdict_seq, " + REVIEW_COLUMNS + " FROM refusal_review_state s"
                + " JOIN refusal_review r ON r.id = s.review_id WHERE s.verdict_seq IN ("
                + placeholders(verdictSeqs.size()) + ")", rs -> {
            current.put(rs.getLong(1), REVIEW.mapRow(rs, 0));
        }, verdictSeqs.toArray());
        return current;
    }

    /**
     * The refusals whose current disposition is this one, newest first after the cursor, within the time range
     * and venues (null: all): the reviewed side of a search by review status.
     */
    public List<Long> seqsWith(Disposition disposition, Instant from, Instant to, Collection<Long> venueIds,
                               RefusalCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT verdict_seq FROM refusal_review_state WHERE disposition = ?");
        List<Object> args = new ArrayList<>(List.of(disposition.name()));
        if (from != null) {
            sql.append(" AND scanned_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND scanned_at < ?");
            args.add(Timestamp.from(to));
        }
        if (venueIds != null) {
            if (venueIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND venue_id IN (").append(placeholders(venueIds.size())).append(')');
            args.addAll(venueIds);
        }
        if (after != null) {
            Timestamp at = Timestamp.from(after.scannedAt());
            sql.append(" AND (scanned_at < ? OR (scanned_at = ? AND verdict_seq < ?))");
            args.addAll(List.of(at, at, after.seq()));
        }
        sql.append(" ORDER BY scanned_at DESC, verdict_seq DESC LIMIT ?");
        args.add(limit);
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray());
    }

    /** Reviewed refusals per venue among these venues, scanned in [from, to). */
    public Map<Long, Long> reviewedByVenue(Collection<Long> venueIds, Instant from, Instant to) {
        Map<Long, Long> counts = new HashMap<>();
        if (venueIds.isEmpty()) {
            return counts;
        }
        List<Object> args = new ArrayList<>(venueIds);
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        jdbc.query("SELECT venue_id, COUNT(*) FROM refusal_review_state WHERE venue_id IN ("
                + placeholders(venueIds.size()) + ") AND scanned_at >= ? AND scanned_at < ? GROUP BY venue_id", rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        }, args.toArray());
        return counts;
    }

    public void look(String actor, Instant at, String kind, Long verdictSeq, byte[] idNumberHash, Long rows) {
        jdbc.update("INSERT INTO refusal_look (looked_at, actor, kind, verdict_seq, id_number_hash, row_count)"
                + " VALUES (?,?,?,?,?,?)", Timestamp.from(at), actor, kind, verdictSeq, idNumberHash, rows);
    }

    /** Looks at any of these refusals or by this ID hash, newest first. */
    public List<Look> looks(Collection<Long> verdictSeqs, byte[] idNumberHash) {
        String bySeq = verdictSeqs.isEmpty() ? "" : " OR verdict_seq IN (" + placeholders(verdictSeqs.size()) + ")";
        List<Object> args = new ArrayList<>();
        args.add(idNumberHash);
        args.addAll(verdictSeqs);
        return jdbc.query("SELECT looked_at, actor, kind, row_count FROM refusal_look WHERE id_number_hash = ?"
                + bySeq + " ORDER BY id DESC LIMIT 1000", (rs, i) -> {
            long rows = rs.getLong(4);
            return new Look(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                    rs.wasNull() ? null : rows);
        }, args.toArray());
    }

    /** Removes the ID hash of looks made before the cutoff, a batch at a time; answers how many it changed. */
    public int purgeLookHashes(Instant before, int batchSize) {
        return jdbc.update("UPDATE refusal_look SET id_number_hash = NULL WHERE id_number_hash IS NOT NULL"
                + " AND looked_at < ? LIMIT ?", Timestamp.from(before), batchSize);
    }

    private static byte[] bytes(RefusalRow refusal) {
        return ByteBuffer.allocate(16).putLong(refusal.verdictId().getMostSignificantBits())
                .putLong(refusal.verdictId().getLeastSignificantBits()).array();
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
