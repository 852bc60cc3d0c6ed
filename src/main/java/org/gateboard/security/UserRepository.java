package org.gateboard.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Accounts and their venue assignments, straight SQL: the shape is small and fixed. */
@Repository
class UserRepository {

    record Row(long id, String username, String displayName, String passwordHash, Role role, String locale,
               boolean enabled, int failedLogins, Instant lockedUntil, int version) {
    }

    private static final String COLUMNS = "id, username, display_name, password_hash, role, locale, enabled,"
            + " failed_logins, locked_until, version";

    private static final RowMapper<Row> MAPPER = (rs, i) -> {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("locale"),
                rs.getBoolean("enabled"), rs.getInt("failed_logins"), locked == null ? null : locked.toInstant(),
                rs.getInt("version"));
    };

    static final int LOCK_WAIT_SECONDS = 2;

    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> findByUsername(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ?", MAPPER, username)
                .stream().findFirst();
    }

    Optional<Row> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    List<Row> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username", MAPPER);
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
        return n == null ? 0 : n;
    }

    long insert(String username, String displayName, String passwordHash, Role role, String locale, Instant now) {
        jdbc.update("INSERT INTO app_user (username, display_name, password_hash, role, locale, enabled, created_at)"
                + " VALUES (?,?,?,?,?,TRUE,?)", username, displayName, passwordHash, role.name(), locale,
                Timestamp.from(now));
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    /** Optimistic: answers false when someone else changed the account since {@code version} was read. */
    boolean update(long id, int version, String displayName, Role role, boolean enabled) {
        return jdbc.update("UPDATE app_user SET display_name = ?, role = ?, enabled = ?, version = version + 1"
                + " WHERE id = ? AND version = ?", displayName, role.name(), enabled, id, version) == 1;
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL,"
                + " version = version + 1 WHERE id = ?", passwordHash, id);
    }

    void updateLocale(String username, String locale) {
        jdbc.update("UPDATE app_user SET locale = ? WHERE username = ?", locale, username);
    }

    /**
     * Reads the account and locks its row until the transaction ends, so concurrent failures count one by one.
     * Waits for the lock a short while only (the caller tries again), not the server's 50 s default.
     */
    Optional<Row> findByUsernameForUpdate(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user WHERE username = ? FOR UPDATE WAIT " + LOCK_WAIT_SECONDS,
                        MAPPER, username)
                .stream().findFirst();
    }

    void updateLoginFailures(long id, int failedLogins, Instant lockedUntil) {
        jdbc.update("UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE id = ?", failedLogins,
                lockedUntil == null ? null : Timestamp.from(lockedUntil), id);
    }

    void updateEnabled(long id, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ?, version = version + 1 WHERE id = ?", enabled, id);
    }

    void clearLock(long id) {
        jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = ?",
                id);
    }

    void recordSuccessfulLogin(String username) {
        jdbc.update("SET STATEMENT innodb_lock_wait_timeout = " + LOCK_WAIT_SECONDS
                + " FOR UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?"
                + " AND (failed_logins <> 0 OR locked_until IS NOT NULL)", username);
    }

    Set<Long> venueIds(long userId) {
        return new HashSet<>(jdbc.queryForList("SELECT venue_id FROM app_user_venue WHERE user_id = ?",
                Long.class, userId));
    }

    void replaceVenues(long userId, Set<Long> venueIds) {
        jdbc.update("DELETE FROM app_user_venue WHERE user_id = ?", userId);
        for (Long venueId : venueIds) {
            jdbc.update("INSERT INTO app_user_venue (user_id, venue_id) VALUES (?, ?)", userId, venueId);
        }
    }
}
