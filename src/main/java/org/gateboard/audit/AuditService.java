package org.gateboard.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The audit trail every feature writes to. Entries are chained by hash: each stores the hash of the
 * one before, so {@link #verifyChain()} detects a silent edit, insertion or deletion. Anyone may write
 * (every feature records its changes); reading is the admins', checked here as well as in the view.
 */
@Service
public class AuditService {

    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final AuditChain chain;
    private final Clock clock;
    /** The application's mapper, with map entries sorted so that equal states always read (and hash) alike. */
    private final ObjectMapper json;

    AuditService(JdbcTemplate jdbc, AuditChain chain, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * Records a change made by the current user (or "system"). Joins the caller's transaction so the
     * entry is written if and only if the change is. Answers the entry's place in the chain, for callers that
     * show it (most ignore it).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditPosition record(String entityType, Object entityId, String action, Object before, Object after) {
        return recordAs(currentActor(), entityType, entityId, action, before, after);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public AuditPosition recordAs(String actor, String entityType, Object entityId, String action, Object before,
                                  Object after) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        String id = entityId == null ? null : String.valueOf(entityId);
        // Writers queue on the one head row, so two entries never claim the same predecessor. Locking the
        // last audit_entry row instead took next-key locks that let two concurrent writers deadlock on their
        // inserts, which rolled back the audited change with them.
        String prev = jdbc.queryForObject("SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE", String.class);
        String hash = hash(prev, at, actor, entityType, id, action, beforeJson, afterJson);
        Object[] values = {Timestamp.from(at), actor, entityType, id, action, beforeJson, afterJson, prev, hash};
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (occurred_at, actor,"
                    + " entity_type, entity_id, action, before_json, after_json, prev_hash, hash)"
                    + " VALUES (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            return insert;
        }, key);
        jdbc.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", hash);
        // the id is allocated while this writer holds the head row, so ids rise along the chain
        return new AuditPosition(Objects.requireNonNull(key.getKey()).longValue(), at, hash);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.Names.ADMIN)
    public List<AuditEntry> latest(int limit, int offset) {
        return jdbc.query("SELECT id, occurred_at, actor, entity_type, entity_id, action, before_json, after_json"
                        + " FROM audit_entry ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                limit, offset);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.Names.ADMIN)
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        return n == null ? 0 : n;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.Names.ADMIN)
    public AuditChainReport verifyChain() {
        return chain.verify();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write audit value as JSON", e);
        }
    }

    static String hash(String prev, Instant at, String actor, String entityType, String entityId, String action,
                       String before, String after) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{prev, String.valueOf(at.toEpochMilli()), actor, entityType,
                    String.valueOf(entityId), action, String.valueOf(before), String.valueOf(after)}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // length-prefixed, so moving text from one field to the next changes the hash
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
