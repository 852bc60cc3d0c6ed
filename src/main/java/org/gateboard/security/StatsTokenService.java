package org.gateboard.security;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.venue.DeviceTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only tokens for machines that read {@code GET /api/v1/stats/**} (big screens, scripts), so none of them
 * holds a person's password, and each can be revoked alone. Sent as {@code Authorization: Bearer gbs_...}.
 * Creating and revoking are audited.
 */
@Service
public class StatsTokenService {

    static final String PREFIX = "gbs_";
    /** last_used_at is a hint for admins, not a log: written at most this often per token. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RowMapper<StatsToken> MAPPER = (rs, i) -> new StatsToken(rs.getLong("id"),
            rs.getString("label"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
            instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    StatsTokenService(JdbcTemplate jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.Names.ADMIN)
    public List<StatsToken> list() {
        return jdbc.query("SELECT id, label, created_at, created_by, last_used_at, revoked_at FROM stats_token"
                + " ORDER BY revoked_at IS NOT NULL, created_at DESC", MAPPER);
    }

    /** A new token; the answer is the only place it is ever shown. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public StatsToken.Issued issue(String label) {
        String name = label == null ? "" : label.trim();
        if (name.isEmpty() || name.length() > 64) {
            throw new UserFacingException("security.statsTokens.error.label");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String admin = SecurityContextHolder.getContext().getAuthentication().getName();
        jdbc.update("INSERT INTO stats_token (label, token_hash, created_at, created_by) VALUES (?, ?, ?, ?)",
                name, hash(token), Timestamp.from(clock.instant()), admin);
        long id = jdbc.queryForObject("SELECT id FROM stats_token WHERE token_hash = ?", Long.class, hash(token));
        audit.record("stats-token", id, "create", null, Map.of("label", name));
        return new StatsToken.Issued(id, name, token);
    }

    /** The token stops working at once; revoking a revoked one changes nothing. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void revoke(long id) {
        if (jdbc.update("UPDATE stats_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), id) == 1) {
            audit.record("stats-token", id, "revoke", null, null);
        }
    }

    /** The machine holding {@code token}, if it is a live stats token. */
    @Transactional
    Optional<StatsTokenAuthentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StatsTokenAuthentication> found = jdbc.query("SELECT id, label FROM stats_token"
                        + " WHERE token_hash = ? AND revoked_at IS NULL", (rs, i) ->
                        new StatsTokenAuthentication(rs.getLong("id"), rs.getString("label")), hash(token))
                .stream().findFirst();
        found.ifPresent(t -> jdbc.update("UPDATE stats_token SET last_used_at = ? WHERE token_hash = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)", Timestamp.from(now), hash(token),
                Timestamp.from(now.minus(LAST_USED_PRECISION))));
        return found;
    }

    /** Random 256-bit tokens like the devices': a plain SHA-256, shared with them, is enough to store them. */
    static String hash(String token) {
        return DeviceTokens.hash(token);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
