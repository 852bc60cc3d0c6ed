package org.gateboard.verdict;

import org.gateboard.policy.DayProfileRow;
import org.gateboard.policy.VerdictDayProfiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The facts of the day's verdicts, grouped in the database: half a million verdicts become a few thousand
 * rows (temperatures are kept to 0.1 °C), so a policy draft is replayed on the groups, not on each verdict.
 */
@Service
public class VerdictFacts implements VerdictDayProfiles {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    VerdictFacts(JdbcTemplate jdbc, ZoneId venueZone) {
        this.jdbc = jdbc;
        this.zone = venueZone;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DayProfileRow> dayProfile(LocalDate day, Collection<Long> venueIds) {
        if (venueIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(venueIds);
        args.add(Timestamp.from(day.atStartOfDay(zone).toInstant()));
        args.add(Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
        String in = String.join(",", venueIds.stream().map(v -> "?").toList());
        // ranges over ix_verdict_venue_scanned (venue_id, scanned_at)
        return jdbc.query("SELECT venue_id, policy_version, code_color, photo_on_code, id_checked, mask_worn,"
                        + " temperature_c, person_role, outcome, COUNT(*) AS n FROM verdict"
                        + " WHERE venue_id IN (" + in + ") AND scanned_at >= ? AND scanned_at < ?"
                        + " GROUP BY venue_id, policy_version, code_color, photo_on_code, id_checked, mask_worn,"
                        + " temperature_c, person_role, outcome",
                (rs, i) -> new DayProfileRow(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        (Boolean) rs.getObject(4, Boolean.class), (Boolean) rs.getObject(5, Boolean.class),
                        rs.getBoolean(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getLong(10)),
                args.toArray());
    }
}
