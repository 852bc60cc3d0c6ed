package org.gateboard.verdict.internal;

import org.gateboard.verdict.RefusalReason;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Writes verdicts. A request's new verdicts go in with one multi-row {@code INSERT IGNORE ... RETURNING}:
 * the unique key on the device's UUID makes a verdict that is already stored (or being stored by a
 * concurrent retry) be skipped, and {@code RETURNING} names exactly the rows this statement inserted. Those
 * rows, and only those, are then added to the tallies ({@link TallyWriter}) and announced in the same
 * transaction: two statements, one commit, one log flush. No per-row queries.
 *
 * <p>{@code IGNORE} also turns bad values into warnings, so rows must be fully validated before they get
 * here: the only row it may skip is a duplicate.
 */
@Repository
class VerdictStore {

    static final int MAX_ROWS = 500;
    private static final String COLUMNS = "id, venue_id, gate_id, device_id, scanned_at, received_at, outcome,"
            + " reasons, code_color, channel, photo_on_code, id_checked, mask_worn, temperature_c, person_role,"
            + " person_name, id_number_masked, id_number_hash, check_ms, policy_version, non_conforming,"
            + " non_conformance";
    private static final int COLUMN_COUNT = 22;
    /**
     * Two retries of overlapping batches can deadlock on the unique key; InnoDB rolled the loser's transaction
     * back whole, so running it again at once is safe. Three attempts in all, then the error goes to the caller.
     */
    private static final RetryTemplate DEADLOCK_RETRY = RetryTemplate.builder().maxAttempts(3).noBackoff()
            .retryOn(PessimisticLockingFailureException.class).build();

    private final JdbcTemplate jdbc;
    private final TallyWriter tallies;
    private final TransactionTemplate tx;
    private final AtomicReferenceArray<String> statements = new AtomicReferenceArray<>(MAX_ROWS + 1);

    VerdictStore(JdbcTemplate jdbc, TallyWriter tallies, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * What a batch's transaction stored: the ids it inserted, and of the ids it did not insert those that a
     * device other than the sender had stored (each with that device).
     */
    record Inserted(Set<UUID> ids, Map<UUID, Long> storedByOthers) {
    }

    /**
     * Inserts the rows that are not stored yet, counts them into the tallies, hands the ids inserted (when
     * there are any) to {@code announce}, finds which of the others another device stored, commits, and
     * answers both. All of that runs inside the transaction, so once the batch is committed nothing is left
     * that could fail the request. After a deadlock the whole transaction runs again, {@code announce}
     * included. Rows must have distinct ids.
     */
    Inserted insertNew(List<VerdictRow> rows, long deviceId, Consumer<Set<UUID>> announce) {
        if (rows.isEmpty()) {
            return new Inserted(Set.of(), Map.of());
        }
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("At most " + MAX_ROWS + " rows per statement");
        }
        return DEADLOCK_RETRY.execute(attempt -> tx.execute(status -> {
            Set<UUID> inserted = insert(rows);
            tallies.add(rows.stream().filter(r -> inserted.contains(r.verdict().id())).toList());
            if (!inserted.isEmpty()) {
                announce.accept(inserted);
            }
            Map<UUID, Long> others = Map.of();
            if (inserted.size() < rows.size()) {
                // only asked when a batch had duplicates, so the common request pays nothing for it
                List<UUID> notInserted = rows.stream().map(r -> r.verdict().id())
                        .filter(id -> !inserted.contains(id)).toList();
                others = storedByOthers(notInserted, deviceId);
            }
            return new Inserted(inserted, others);
        }));
    }

    /** Of the given ids (already stored), those a device other than {@code deviceId} stored, each with that device. */
    private Map<UUID, Long> storedByOthers(Collection<UUID> ids, long deviceId) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> others = new HashMap<>();
        String in = "?,".repeat(ids.size() - 1) + "?";
        List<Object> args = new ArrayList<>(ids.size() + 1);
        ids.forEach(id -> args.add(bytes(id)));
        args.add(deviceId);
        jdbc.query("SELECT id, device_id FROM verdict WHERE id IN (" + in + ") AND device_id <> ?",
                rs -> {
                    others.put(uuid(rs.getBytes(1)), rs.getLong(2));
                }, args.toArray());
        return others;
    }

    private Set<UUID> insert(List<VerdictRow> rows) {
        String sql = statement(rows.size());
        Set<UUID> inserted = new HashSet<>(rows.size() * 2);
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            int p = 1;
            for (VerdictRow row : rows) {
                p = bind(ps, p, row);
            }
            return ps;
        }, rs -> {
            inserted.add(uuid(rs.getBytes(1)));
        });
        return inserted;
    }

    private static int bind(PreparedStatement ps, int p, VerdictRow row) throws SQLException {
        IncomingVerdict v = row.verdict();
        ps.setBytes(p++, bytes(v.id()));
        ps.setLong(p++, row.device().venueId());
        ps.setLong(p++, row.device().gateId());
        ps.setLong(p++, row.device().deviceId());
        ps.setString(p++, utc(v.scannedAt()));
        ps.setString(p++, utc(row.receivedAt()));
        ps.setString(p++, v.outcome().name());
        ps.setString(p++, reasons(v.reasons()));
        setNullable(ps, p++, v.codeColor() == null ? null : v.codeColor().name());
        setNullable(ps, p++, v.channel() == null ? null : v.channel().name());
        setBoolean(ps, p++, v.photoOnCode());
        setBoolean(ps, p++, v.idChecked());
        ps.setBoolean(p++, v.maskWorn());
        ps.setBigDecimal(p++, v.temperatureC());
        ps.setString(p++, v.personRole().name());
        setNullable(ps, p++, v.personName());
        setNullable(ps, p++, row.idNumberMasked());
        if (row.idNumberHash() == null) {
            ps.setNull(p++, Types.BINARY);
        } else {
            ps.setBytes(p++, row.idNumberHash());
        }
        if (v.checkMillis() == null) {
            ps.setNull(p++, Types.INTEGER);
        } else {
            ps.setInt(p++, v.checkMillis());
        }
        ps.setInt(p++, v.policyVersion());
        ps.setBoolean(p++, row.nonConforming());
        setNullable(ps, p++, row.nonConformance());
        return p;
    }

    private String statement(int rows) {
        String sql = statements.get(rows);
        if (sql == null) {
            String tuple = "(" + "?,".repeat(COLUMN_COUNT - 1) + "?)";
            StringBuilder s = new StringBuilder(60 + COLUMNS.length() + rows * (tuple.length() + 1))
                    .append("INSERT IGNORE INTO verdict (").append(COLUMNS).append(") VALUES ");
            for (int i = 0; i < rows; i++) {
                s.append(i == 0 ? "" : ",").append(tuple);
            }
            sql = s.append(" RETURNING id").toString();
            statements.set(rows, sql);
        }
        return sql;
    }

    /**
     * DATETIME(3) text in UTC (the session's zone). The driver would format a Timestamp with a new
     * SimpleDateFormat per value, which showed up as a large cost of a batch.
     */
    static String utc(Instant instant) {
        return Instants.utcMillis(instant);
    }

    static String reasons(Set<RefusalReason> reasons) {
        if (reasons.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (RefusalReason r : reasons) {
            s.append(s.isEmpty() ? "" : ",").append(r.name());
        }
        return s.toString();
    }

    private static void setNullable(PreparedStatement ps, int p, String value) throws SQLException {
        if (value == null) {
            ps.setNull(p, Types.VARCHAR);
        } else {
            ps.setString(p, value);
        }
    }

    private static void setBoolean(PreparedStatement ps, int p, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(p, Types.BOOLEAN);
        } else {
            ps.setBoolean(p, value);
        }
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    static UUID uuid(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
