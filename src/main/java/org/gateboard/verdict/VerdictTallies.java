package org.gateboard.verdict;

import org.gateboard.verdict.internal.CommitOrder;
import org.gateboard.verdict.internal.Instants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdicts as counts, for the live dashboard: quarter-hour tallies (a busy day is a few thousand rows a
 * venue, however many verdicts it had) and, for the last minutes, scans grouped finely enough for queue
 * windows. Ranges run one venue at a time over the tally table's key and the verdict table's
 * {@code (venue_id, scanned_at)} index (the venue list is passed so the index applies).
 */
@Service
public class VerdictTallies {

    /** How long a snapshot waits for batches in flight before giving up on this round. */
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final CommitOrder order;
    private final TransactionTemplate snapshotTx;

    VerdictTallies(JdbcTemplate jdbc, CommitOrder order, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.order = order;
        this.snapshotTx = new TransactionTemplate(transactions);
        snapshotTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotTx.setReadOnly(true);
    }

    /** The tallies of verdicts scanned in [from, to) at these venues (both on quarter hours). */
    public List<VerdictTally> between(Collection<Long> venueIds, Instant from, Instant to) {
        List<VerdictTally> tallies = new ArrayList<>();
        if (venueIds.isEmpty()) {
            return tallies;
        }
        List<Object> args = new ArrayList<>(venueIds);
        args.add(Instants.utcMillis(from));
        args.add(Instants.utcMillis(to));
        jdbc.query("SELECT venue_id, gate_id, device_id, period_start, counted, item, n, node FROM verdict_tally"
                + " WHERE venue_id IN (" + placeholders(venueIds) + ") AND period_start >= ? AND period_start < ?",
                rs -> {
                    VerdictTally.Counted counted;
                    try {
                        counted = VerdictTally.Counted.valueOf(rs.getString(5));
                    } catch (IllegalArgumentException e) {
                        return; // counted by a newer version
                    }
                    tallies.add(new VerdictTally(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getTimestamp(4).toInstant(), counted, rs.getString(6), rs.getLong(7), rs.getLong(8)));
                }, args.toArray());
        return tallies;
    }

    /** Verdicts scanned since {@code since} at these venues, by gate, {@code bucket} of scan time and check time. */
    public List<RecentScans> recent(Collection<Long> venueIds, Instant since, Duration bucket) {
        List<RecentScans> recent = new ArrayList<>();
        if (venueIds.isEmpty()) {
            return recent;
        }
        long seconds = Math.max(1, bucket.toSeconds());
        List<Object> args = new ArrayList<>(venueIds);
        args.add(Instants.utcMillis(since));
        jdbc.query("SELECT venue_id, gate_id, FLOOR(UNIX_TIMESTAMP(scanned_at) / " + seconds + ") AS b, check_ms,"
                + " COUNT(*) FROM verdict WHERE venue_id IN (" + placeholders(venueIds) + ") AND scanned_at >= ?"
                + " GROUP BY venue_id, gate_id, b, check_ms", rs -> {
                    recent.add(new RecentScans(rs.getLong(1), rs.getLong(2),
                            Instant.ofEpochSecond(rs.getLong(3) * seconds), rs.getObject(4, Integer.class),
                            rs.getLong(5)));
                }, args.toArray());
        return recent;
    }

    /**
     * {@link #between} and {@link #recent} read from one consistent snapshot, with the number of the last
     * {@link VerdictsStored} event it holds; empty when batches in flight kept it from opening (a database
     * in trouble), to be tried again later.
     */
    public Optional<TallySnapshot> snapshot(Collection<Long> venueIds, Instant from, Instant to, Instant recentSince,
                                            Duration recentBucket) {
        return snapshotTx.execute(status -> order.openSnapshot(
                        // InnoDB takes a repeatable-read transaction's snapshot at its first read
                        () -> jdbc.queryForList("SELECT 1 FROM verdict_tally LIMIT 1"), SNAPSHOT_WAIT)
                .map(through -> new TallySnapshot(through, between(venueIds, from, to),
                        recent(venueIds, recentSince, recentBucket))));
    }

    private static String placeholders(Collection<Long> ids) {
        return ids.stream().map(id -> "?").collect(Collectors.joining(","));
    }
}
