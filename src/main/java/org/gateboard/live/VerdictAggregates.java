package org.gateboard.live;

import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The verdict table as the live feature's read model: aggregate queries for a past day and for rebuilding
 * today's counts after a restart. They range over {@code ix_verdict_venue_scanned (venue_id, scanned_at)}
 * one venue at a time (the venue list is passed so the index applies) and group in the database, so a
 * day of a whole city comes back in a few thousand rows.
 */
@Component
class VerdictAggregates {

    private final JdbcTemplate jdbc;

    VerdictAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each venue's counts of verdicts scanned in [start, end); hours are counted from {@code start}. */
    Map<Long, DayCounts> day(Collection<Long> venueIds, Instant start, Instant end) {
        Map<Long, DayCounts> result = new HashMap<>();
        if (venueIds.isEmpty()) {
            return result;
        }
        Timestamp from = Timestamp.from(start);
        jdbc.query("SELECT venue_id, gate_id, device_id, outcome, person_role, reasons, non_conforming,"
                        + " FLOOR(TIMESTAMPDIFF(SECOND, ?, scanned_at) / 3600) AS hr, COUNT(*) AS n"
                        + " FROM verdict WHERE venue_id IN (" + placeholders(venueIds) + ")"
                        + " AND scanned_at >= ? AND scanned_at < ?"
                        + " GROUP BY venue_id, gate_id, device_id, outcome, person_role, reasons, non_conforming, hr",
                rs -> {
                    DayCounts counts = result.computeIfAbsent(rs.getLong("venue_id"), id -> new DayCounts());
                    counts.add(Outcome.valueOf(rs.getString("outcome")), reasons(rs.getString("reasons")),
                            role(rs.getString("person_role")), rs.getLong("gate_id"), rs.getLong("device_id"),
                            rs.getBoolean("non_conforming"), rs.getInt("hr"), rs.getLong("n"));
                }, args(from, venueIds, from, Timestamp.from(end)));
        return result;
    }

    /** Feeds each gate's window with the verdicts scanned since {@code since}: arrivals and check times. */
    void recent(Collection<Long> venueIds, Instant since, long nowMs, Map<Long, GateWindow> windows) {
        if (venueIds.isEmpty()) {
            return;
        }
        Timestamp from = Timestamp.from(since);
        jdbc.query("SELECT gate_id, FLOOR(UNIX_TIMESTAMP(scanned_at) / 10) AS b, COUNT(*) AS n FROM verdict"
                        + " WHERE venue_id IN (" + placeholders(venueIds) + ") AND scanned_at >= ?"
                        + " GROUP BY gate_id, b",
                rs -> {
                    windows.computeIfAbsent(rs.getLong(1), id -> new GateWindow())
                            .arrival(rs.getLong(2) * GateWindow.ARRIVAL_BUCKET_MS, nowMs, rs.getLong(3));
                }, args(null, venueIds, from, null));
        jdbc.query("SELECT gate_id, FLOOR(UNIX_TIMESTAMP(scanned_at) / 30) AS b, check_ms, COUNT(*) AS n FROM verdict"
                        + " WHERE venue_id IN (" + placeholders(venueIds) + ") AND scanned_at >= ?"
                        + " AND check_ms IS NOT NULL GROUP BY gate_id, b, check_ms",
                rs -> {
                    GateWindow w = windows.computeIfAbsent(rs.getLong(1), id -> new GateWindow());
                    long bucketMs = rs.getLong(2) * GateWindow.CHECK_BUCKET_MS;
                    double seconds = rs.getInt(3) / 1000.0;
                    for (long i = rs.getLong(4); i > 0; i--) {
                        w.check(bucketMs, nowMs, seconds);
                    }
                }, args(null, venueIds, from, null));
    }

    static Set<RefusalReason> reasons(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        Set<RefusalReason> reasons = EnumSet.noneOf(RefusalReason.class);
        for (String r : csv.split(",")) {
            // a reason added by a newer version of the device API is not counted rather than failing the day
            try {
                reasons.add(RefusalReason.valueOf(r.trim()));
            } catch (IllegalArgumentException ignored) {
                // unknown reason
            }
        }
        return reasons;
    }

    private static PersonRole role(String role) {
        try {
            return PersonRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            return PersonRole.OTHER;
        }
    }

    private static String placeholders(Collection<Long> ids) {
        return ids.stream().map(id -> "?").collect(Collectors.joining(","));
    }

    private static Object[] args(Object first, Collection<Long> ids, Object... rest) {
        List<Object> args = new ArrayList<>();
        if (first != null) {
            args.add(first);
        }
        args.addAll(ids);
        for (Object o : rest) {
            if (o != null) {
                args.add(o);
            }
        }
        return args.toArray();
    }
}
