package org.gateboard.security;

import org.gateboard.base.Role;
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
               boolean enabled, boolean wallScreen, int version) {
    }

    private static final String COLUMNS = "id, username, display_name, password_hash, role, locale, enabled,"
            + " wall_screen, version";

    private static final RowMapper<Row> MAPPER = (rs, i) -> new Row(rs.getLong("id"), rs.getString("username"),
            rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
            rs.getString("locale"), rs.getBoolean("enabled"), rs.getBoolean("wall_screen"), rs.getInt("version"));

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

    /**
     * Optimistic: answers false when someone else changed the account since {@code version} was read. Every
     * change that bumps {@code version} ends the account's open sessions ({@link AccountSessions}).
     */
    boolean update(long id, int version, String displayName, Role role, boolean enabled, boolean wallScreen) {
        return jdbc.update("UPDATE app_user SET display_name = ?, role = ?, enabled = ?, wall_screen = ?,"
                + " version = version + 1 WHERE id = ? AND version = ?", displayName, role.name(), enabled,
                wallScreen, id, version) == 1;
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?", passwordHash, id);
    }

    void updateLocale(String username, String locale) {
        jdbc.update("UPDATE app_user SET locale = ? WHERE username = ?", locale, username);
    }

    void updateEnabled(long id, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ?, version = version + 1 WHERE id = ?", enabled, id);
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
