package org.gateboard.verdict.internal;

import org.gateboard.base.ThisNode;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.VerdictTally;
import org.gateboard.verdict.VerdictTally.Counted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds a batch's new verdicts to {@code verdict_tally}, in the batch's transaction: the batch is summed in
 * memory first, so 500 verdicts of one device cost one statement of a dozen or so rows. Rows go in key
 * order, so two transactions touching the same tallies lock them in the same order. Each node counts into
 * rows of its own ({@link ThisNode}), so the live dashboard can tell its own counts from other nodes'.
 */
@Component
class TallyWriter {

    private record Key(long venueId, long periodMs, long gateId, long deviceId, Counted counted, String item) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::venueId)
            .thenComparingLong(Key::periodMs).thenComparingLong(Key::gateId).thenComparingLong(Key::deviceId)
            .thenComparing(Key::counted).thenComparing(Key::item);

    private final JdbcTemplate jdbc;
    private final long node;

    TallyWriter(JdbcTemplate jdbc, ThisNode node) {
        this.jdbc = jdbc;
        this.node = node.id();
    }

    /** Counts the rows (all of them newly inserted) into their tallies. */
    void add(List<VerdictRow> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        Map<Key, long[]> sums = new TreeMap<>(ORDER);
        for (VerdictRow row : inserted) {
            IncomingVerdict v = row.verdict();
            long ms = v.scannedAt().toEpochMilli();
            long period = ms - Math.floorMod(ms, VerdictTally.PERIOD_MS);
            long venue = row.device().venueId();
            long gate = row.device().gateId();
            long device = row.device().deviceId();
            boolean admitted = v.outcome() == Outcome.ADMITTED;
            count(sums, new Key(venue, period, gate, device, admitted ? Counted.ADMITTED : Counted.REFUSED,
                    v.personRole().name()));
            if (!admitted) {
                for (RefusalReason reason : v.reasons()) {
                    count(sums, new Key(venue, period, gate, device, Counted.REFUSAL_REASON, reason.name()));
                }
            }
            if (row.nonConforming()) {
                count(sums, new Key(venue, period, gate, device, Counted.NON_CONFORMING, ""));
            }
        }
        StringBuilder sql = new StringBuilder(120 + sums.size() * 16)
                .append("INSERT INTO verdict_tally (venue_id, period_start, gate_id, device_id, counted, item, node, n) VALUES ");
        List<Object> args = new ArrayList<>(sums.size() * 7);
        sums.forEach((k, n) -> {
            sql.append(args.isEmpty() ? "" : ",").append("(?,?,?,?,?,?,?,?)");
            args.add(k.venueId());
            args.add(Instants.utcMillis(Instant.ofEpochMilli(k.periodMs())));
            args.add(k.gateId());
            args.add(k.deviceId());
            args.add(k.counted().name());
            args.add(k.item());
            args.add(node);
            args.add(n[0]);
        });
        sql.append(" ON DUPLICATE KEY UPDATE n = n + VALUES(n)");
        jdbc.update(sql.toString(), args.toArray());
    }

    private static void count(Map<Key, long[]> sums, Key key) {
        sums.computeIfAbsent(key, k -> new long[1])[0]++;
    }
}
