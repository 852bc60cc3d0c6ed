package org.gateboard.verdict;

import org.gateboard.verdict.internal.ResidentIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The refusal review's reading of the verdict log (this feature owns the table, so its SQL lives here). Lists
 * refused verdicts newest first by (scanned_at, seq) with keyset paging on the indexes of migration V5_0,
 * counts and streams them, and finds one person's verdicts by the keyed hash of their ID number. Callers
 * decide who may see what: nothing here checks roles.
 */
@Service
public class RefusalQueries {

    private static final String COLUMNS = "seq, id, scanned_at, received_at, venue_id, gate_id, device_id, outcome,"
            + " reasons, code_color, channel, photo_on_code, id_checked, mask_worn, temperature_c, person_role,"
            + " person_name, id_number_masked, check_ms, policy_version, non_conforming, non_conformance";
    private static final int STREAM_FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final ResidentIds ids;

    RefusalQueries(JdbcTemplate jdbc, DataSource dataSource, ResidentIds ids) {
        this.jdbc = jdbc;
        // An export of a month may run longer than the usual query timeout, and must not load all rows: the
        // driver hands them over in chunks of this size while the caller writes them out.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
        this.ids = ids;
    }

    /**
     * The keyed hash of a typed ID number (spaces ignored, check character in either case), or empty when it
     * is not a valid 18-character resident ID number. The number itself is neither kept nor logged.
     */
    public Optional<byte[]> idNumberHash(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String number = typed.replace(" ", "").trim();
        return ResidentIds.isValid(number) ? Optional.of(ids.hash(number)) : Optional.empty();
    }

    /** Up to {@code limit} matching refusals after the cursor (null: from the newest). */
    public RefusalPage page(RefusalFilter filter, RefusalCursor after, int limit) {
        Where where = where(filter);
        if (where == null) {
            return new RefusalPage(List.of(), null, false);
        }
        if (after != null) {
            where.sql.append(" AND (scanned_at < ? OR (scanned_at = ? AND seq < ?))");
            Timestamp at = Timestamp.from(after.scannedAt());
            where.args.addAll(List.of(at, at, after.seq()));
        }
        where.args.add(limit + 1);
        List<RefusalRow> rows = jdbc.query("SELECT " + COLUMNS + " FROM verdict WHERE " + where.sql
                + " ORDER BY scanned_at DESC, seq DESC LIMIT ?", ROW, where.args.toArray());
        boolean more = rows.size() > limit;
        List<RefusalRow> page = more ? rows.subList(0, limit) : rows;
        return new RefusalPage(List.copyOf(page), page.isEmpty() ? null : page.get(page.size() - 1).cursor(), more);
    }

    /** The refusals among these sequence numbers that match the filter, newest first. */
    public List<RefusalRow> bySeqs(Collection<Long> seqs, RefusalFilter filter) {
        Where where = where(filter);
        if (where == null || seqs.isEmpty()) {
            return List.of();
        }
        where.sql.append(" AND seq IN (").append(placeholders(seqs.size())).append(')');
        where.args.addAll(seqs);
        return jdbc.query("SELECT " + COLUMNS + " FROM verdict WHERE " + where.sql
                + " ORDER BY scanned_at DESC, seq DESC", ROW, where.args.toArray());
    }

    /** How many refusals match. */
    public long count(RefusalFilter filter) {
        Where where = where(filter);
        if (where == null) {
            return 0;
        }
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM verdict WHERE " + where.sql, Long.class,
                where.args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * Hands every matching refusal, newest first, to the sink while the database sends them: the rows are
     * never all in memory. Answers how many there were.
     */
    public long stream(RefusalFilter filter, Consumer<RefusalRow> sink) {
        Where where = where(filter);
        if (where == null) {
            return 0;
        }
        long[] n = {0};
        streaming.query("SELECT " + COLUMNS + " FROM verdict WHERE " + where.sql
                + " ORDER BY scanned_at DESC, seq DESC", rs -> {
            sink.accept(ROW.mapRow(rs, 0));
            n[0]++;
        }, where.args.toArray());
        return n[0];
    }

    /** One refused verdict by its id. */
    public Optional<RefusalRow> refusal(UUID verdictId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM verdict WHERE id = ? AND outcome = 'REFUSED'", ROW,
                (Object) bytes(verdictId)).stream().findFirst();
    }

    /** Refused verdicts by their ids (unknown ids are left out). */
    public List<RefusalRow> refusals(Collection<UUID> verdictIds) {
        if (verdictIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM verdict WHERE outcome = 'REFUSED' AND id IN ("
                + placeholders(verdictIds.size()) + ")", ROW, verdictIds.stream().map(RefusalQueries::bytes).toArray());
    }

    /**
     * Every verdict (admitted or refused, at any venue) of the same person as the verdict {@code seq}, scanned
     * in [from, to), oldest first: matched by the keyed hash, which never leaves this class. Empty when the
     * verdict carries no hash (no ID number, or purged).
     */
    public List<RefusalRow> samePerson(long seq, Instant from, Instant to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM verdict WHERE id_number_hash ="
                        + " (SELECT id_number_hash FROM verdict WHERE seq = ?) AND scanned_at >= ? AND scanned_at < ?"
                        + " ORDER BY scanned_at, seq LIMIT 200", ROW, seq, Timestamp.from(from), Timestamp.from(to));
    }

    /** The sequence numbers of every refusal of the person with this ID hash (for "who looked at them"). */
    public List<Long> refusalSeqsOf(byte[] idNumberHash) {
        return jdbc.queryForList("SELECT seq FROM verdict WHERE id_number_hash = ? AND outcome = 'REFUSED'",
                Long.class, (Object) idNumberHash);
    }

    /** Refusals per venue among these venues, scanned in [from, to): for the work queue. */
    public Map<Long, Long> countByVenue(Collection<Long> venueIds, Instant from, Instant to) {
        Map<Long, Long> counts = new HashMap<>();
        if (venueIds.isEmpty()) {
            return counts;
        }
        List<Object> args = new ArrayList<>(venueIds);
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        // venue_id IN (...) with the outcome and a time range: one range of ix_verdict_venue_outcome_scanned per
        // venue, read from the index alone
        jdbc.query("SELECT venue_id, COUNT(*) FROM verdict WHERE venue_id IN (" + placeholders(venueIds.size())
                + ") AND outcome = 'REFUSED' AND scanned_at >= ? AND scanned_at < ? GROUP BY venue_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    private static final class Where {
        final StringBuilder sql = new StringBuilder("outcome = 'REFUSED'");
        final List<Object> args = new ArrayList<>();

        void and(String condition, Object arg) {
            sql.append(" AND ").append(condition);
            args.add(arg);
        }
    }

    /** Null when the filter can match nothing (an empty venue scope). */
    private static Where where(RefusalFilter f) {
        if (f.venueIds() != null && f.venueIds().isEmpty()) {
            return null;
        }
        Where w = new Where();
        if (f.from() != null) {
            w.and("scanned_at >= ?", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            w.and("scanned_at < ?", Timestamp.from(f.to()));
        }
        if (f.venueIds() != null) {
            w.sql.append(" AND venue_id IN (").append(placeholders(f.venueIds().size())).append(')');
            w.args.addAll(f.venueIds().stream().sorted().toList());
        }
        if (f.gateId() != null) {
            w.and("gate_id = ?", f.gateId());
        }
        if (!f.reasons().isEmpty()) {
            w.and("(reason_bits & ?) <> 0", RefusalFilter.bits(f.reasons()));
        }
        if (f.personRole() != null) {
            w.and("person_role = ?", f.personRole().name());
        }
        if (f.channel() != null) {
            w.and("channel = ?", f.channel().name());
        }
        if (f.nonConforming() != null) {
            w.and("non_conforming = ?", f.nonConforming());
        }
        if (f.idNumberHash() != null) {
            w.and("id_number_hash = ?", f.idNumberHash());
        }
        return w;
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static final RowMapper<RefusalRow> ROW = (rs, i) -> new RefusalRow(rs.getLong(1), uuid(rs.getBytes(2)),
            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6),
            rs.getLong(7), Outcome.valueOf(rs.getString(8)), reasons(rs.getString(9)),
            enumOrNull(CodeColor.class, rs.getString(10)), enumOrNull(Channel.class, rs.getString(11)),
            bool(rs, 12), bool(rs, 13), rs.getBoolean(14), rs.getBigDecimal(15), PersonRole.valueOf(rs.getString(16)),
            rs.getString(17), rs.getString(18), integer(rs, 19), rs.getInt(20), rs.getBoolean(21), rs.getString(22));

    static Set<RefusalReason> reasons(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        EnumSet<RefusalReason> set = EnumSet.noneOf(RefusalReason.class);
        Arrays.stream(text.split(",")).map(RefusalReason::valueOf).forEach(set::add);
        return set;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
