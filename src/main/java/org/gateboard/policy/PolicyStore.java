package org.gateboard.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The policy feature's tables: effective versions, layer changes and the version counter. */
@Repository
class PolicyStore {

    private static final String VERSION_COLUMNS = "version, venue_id, baseline_version, parameters, effective_from,"
            + " reason";
    private static final String CHANGE_COLUMNS = "id, venue_id, parameters, effective_from, reason, status, loosens,"
            + " restores_version, created_by, created_at, approved_by, approved_at, cancelled_by, cancelled_at,"
            + " version";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<EffectivePolicy> versionRow = (rs, i) -> new EffectivePolicy(rs.getInt("version"),
            nullableLong(rs, "venue_id"), nullableInt(rs, "baseline_version"),
            rs.getTimestamp("effective_from").toInstant(), params(rs.getString("parameters")), rs.getString("reason"));
    private final RowMapper<PolicyChange> changeRow = (rs, i) -> new PolicyChange(rs.getLong("id"),
            nullableLong(rs, "venue_id"), params(rs.getString("parameters")),
            rs.getTimestamp("effective_from").toInstant(), rs.getString("reason"),
            PolicyChange.Status.valueOf(rs.getString("status")), loosens(rs.getString("loosens")),
            nullableInt(rs, "restores_version"), rs.getString("created_by"), instant(rs, "created_at"),
            rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("cancelled_by"),
            instant(rs, "cancelled_at"), nullableInt(rs, "version"));

    PolicyStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- effective versions ------------------------------------------------------------------------

    Optional<EffectivePolicy> publishedVersion(int version) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM policy_version WHERE version = ? AND status ="
                + " 'PUBLISHED'", versionRow, version).stream().findFirst();
    }

    /** The venue change a venue's effective version was derived from, null for a baseline version. */
    Optional<Long> venueChangeOf(int version) {
        return jdbc.query("SELECT venue_change_id FROM policy_version WHERE version = ?",
                (rs, i) -> nullableLong(rs, "venue_change_id"), version).stream().findFirst();
    }

    Optional<EffectivePolicy> baselineAt(Instant at) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM policy_version WHERE venue_id IS NULL AND status ="
                + " 'PUBLISHED' AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1",
                versionRow, Timestamp.from(at)).stream().findFirst();
    }

    Optional<EffectivePolicy> derived(long venueId, int baselineVersion, long venueChangeId) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM policy_version WHERE venue_id = ? AND"
                + " baseline_version = ? AND venue_change_id = ? AND status = 'PUBLISHED'", versionRow, venueId,
                baselineVersion, venueChangeId).stream().findFirst();
    }

    /** The next version number, under the counter row's lock (held until the caller's transaction ends). */
    int nextVersion() {
        Integer next = jdbc.queryForObject("SELECT next_version FROM policy_version_counter WHERE id = 1 FOR UPDATE",
                Integer.class);
        jdbc.update("UPDATE policy_version_counter SET next_version = next_version + 1 WHERE id = 1");
        return next;
    }

    /** Serialises derivations: whoever holds the counter lock sees every version made before. */
    void lockVersions() {
        jdbc.queryForObject("SELECT next_version FROM policy_version_counter WHERE id = 1 FOR UPDATE", Integer.class);
    }

    void insertVersion(int version, Long venueId, Integer baselineVersion, Long venueChangeId, PolicyParameters params,
                       Instant effectiveFrom, String reason, String by, Instant at) {
        jdbc.update("INSERT INTO policy_version (version, venue_id, baseline_version, venue_change_id, parameters,"
                        + " effective_from, reason, created_at, created_by, status) VALUES (?,?,?,?,?,?,?,?,?,"
                        + " 'PUBLISHED')", version, venueId, baselineVersion, venueChangeId, write(params),
                Timestamp.from(effectiveFrom), reason, Timestamp.from(at), by);
    }

    /** Withdraws versions that never took effect: a cancelled baseline with its derived venue versions. */
    int cancelVersions(String where, Object... args) {
        return jdbc.update("UPDATE policy_version SET status = 'CANCELLED' WHERE status = 'PUBLISHED' AND (" + where
                + ")", args);
    }

    // ---- layer changes -----------------------------------------------------------------------------

    long insertChange(Long venueId, PolicyParameters params, Instant effectiveFrom, String reason,
                      PolicyChange.Status status, List<PolicyParameter> loosens, Integer restoresVersion, String by,
                      Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO policy_change (venue_id, parameters,"
                    + " effective_from, reason, status, loosens, restores_version, created_by, created_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            ps.setObject(1, venueId);
            ps.setString(2, write(params));
            ps.setTimestamp(3, Timestamp.from(effectiveFrom));
            ps.setString(4, reason);
            ps.setString(5, status.name());
            ps.setString(6, loosens.isEmpty() ? null
                    : String.join(",", loosens.stream().map(PolicyParameter::name).toList()));
            ps.setObject(7, restoresVersion);
            ps.setString(8, by);
            ps.setTimestamp(9, Timestamp.from(at));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    Optional<PolicyChange> change(long id) {
        return jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM policy_change WHERE id = ?", changeRow, id).stream()
                .findFirst();
    }

    Optional<PolicyChange> changeOfBaselineVersion(int version) {
        return jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM policy_change WHERE venue_id IS NULL AND version = ?",
                changeRow, version).stream().findFirst();
    }

    Optional<PolicyChange> venueChangeAt(long venueId, Instant at) {
        return jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM policy_change WHERE venue_id = ? AND status ="
                + " 'PUBLISHED' AND effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1", changeRow,
                venueId, Timestamp.from(at)).stream().findFirst();
    }

    /** Every change of one layer (null: the baseline), oldest first. */
    List<PolicyChange> changesOf(Long venueId) {
        return venueId == null
                ? jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM policy_change WHERE venue_id IS NULL"
                + " ORDER BY effective_from, id", changeRow)
                : jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM policy_change WHERE venue_id = ?"
                + " ORDER BY effective_from, id", changeRow, venueId);
    }

    /** Pending changes, and published ones still ahead of {@code now}: what is scheduled. */
    List<PolicyChange> openChanges(Instant now) {
        return jdbc.query("SELECT " + CHANGE_COLUMNS + " FROM policy_change WHERE status = 'PENDING' OR (status ="
                + " 'PUBLISHED' AND effective_from > ?) ORDER BY effective_from, id", changeRow, Timestamp.from(now));
    }

    /** The venues that ever set their own parameters. */
    List<Long> venuesWithChanges() {
        return jdbc.queryForList("SELECT DISTINCT venue_id FROM policy_change WHERE venue_id IS NOT NULL"
                + " AND status = 'PUBLISHED'", Long.class);
    }

    /** When the next published change of any layer takes effect after {@code now}, if any is scheduled. */
    Optional<Instant> nextChangeAfter(Instant now) {
        Timestamp t = jdbc.queryForObject("SELECT MIN(effective_from) FROM policy_change WHERE status = 'PUBLISHED'"
                + " AND effective_from > ?", Timestamp.class, Timestamp.from(now));
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    /** The times at which some published change takes effect after {@code now}. */
    List<Instant> changeTimesAfter(Instant now) {
        return jdbc.queryForList("SELECT DISTINCT effective_from FROM policy_change WHERE status = 'PUBLISHED'"
                + " AND effective_from > ? ORDER BY effective_from", Timestamp.class, Timestamp.from(now)).stream()
                .map(Timestamp::toInstant).toList();
    }

    void published(long changeId, Integer version, Instant effectiveFrom, String approvedBy, Instant approvedAt) {
        jdbc.update("UPDATE policy_change SET status = 'PUBLISHED', version = ?, effective_from = ?, approved_by = ?,"
                        + " approved_at = ? WHERE id = ?", version, Timestamp.from(effectiveFrom), approvedBy,
                approvedAt == null ? null : Timestamp.from(approvedAt), changeId);
    }

    void cancelled(long changeId, String by, Instant at) {
        jdbc.update("UPDATE policy_change SET status = 'CANCELLED', cancelled_by = ?, cancelled_at = ? WHERE id = ?",
                by, Timestamp.from(at), changeId);
    }

    // ---- JSON ----------------------------------------------------------------------------------------

    String write(PolicyParameters params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    PolicyParameters params(String text) {
        try {
            return json.readValue(text, PolicyParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable policy parameters: " + text, e);
        }
    }

    private static List<PolicyParameter> loosens(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(PolicyParameter::valueOf).toList();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
