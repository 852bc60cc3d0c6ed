package org.gateboard.venue;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditService;
import org.gateboard.base.ConflictException;
import org.gateboard.base.Drafts;
import org.gateboard.base.Role;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The venue registry: venues, their gates and the devices at those gates. Reads are open to every
 * signed-in feature (callers scope what managers see); changes are the admins', are audited and are
 * published ({@link RegistryChanged}; {@link DeviceAccessChanged} too when they change who may call the
 * device API).
 */
@Service
public class VenueService {

    private static final RowMapper<Venue> VENUE = (rs, i) -> new Venue(rs.getLong("id"), rs.getString("code"),
            rs.getString("name_zh"), rs.getString("name_en"), VenueLevel.valueOf(rs.getString("level")),
            rs.getString("district"), rs.getString("address"), rs.getBoolean("active"), rs.getInt("version"));
    private static final RowMapper<Gate> GATE = (rs, i) -> new Gate(rs.getLong("id"), rs.getLong("venue_id"),
            rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getBoolean("active"),
            rs.getInt("version"));
    private static final RowMapper<Device> DEVICE = (rs, i) -> new Device(rs.getLong("id"), rs.getLong("gate_id"),
            rs.getLong("venue_id"), rs.getString("label"), DeviceStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("token_issued_at").toInstant());
    private static final String DEVICE_SELECT = "SELECT d.id, d.gate_id, g.venue_id, d.label, d.status,"
            + " d.created_at, d.token_issued_at FROM device d JOIN gate g ON g.id = d.gate_id";

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Drafts drafts;

    VenueService(JdbcTemplate jdbc, AuditService audit, ApplicationEventPublisher events, Clock clock,
                 Drafts drafts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.drafts = drafts;
    }

    // ---- reads -------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Venue> venues() {
        return jdbc.query("SELECT * FROM venue ORDER BY FIELD(level,'CITY','DISTRICT','COMMITTEE','SUBCENTRE'),"
                + " code", VENUE);
    }

    /** Venues of one level and/or district; a null filter matches every venue. */
    @Transactional(readOnly = true)
    public List<Venue> venues(VenueLevel level, String district) {
        String d = blankToNull(district);
        return venues().stream()
                .filter(v -> level == null || v.level() == level)
                .filter(v -> d == null || d.equals(v.district()))
                .toList();
    }

    /** The districts venues are in, for filters. */
    @Transactional(readOnly = true)
    public List<String> districts() {
        return jdbc.queryForList("SELECT DISTINCT district FROM venue WHERE district IS NOT NULL ORDER BY district",
                String.class);
    }

    @Transactional(readOnly = true)
    public List<Venue> venues(Collection<Long> ids) {
        return venues().stream().filter(v -> ids.contains(v.id())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Venue> venue(long id) {
        return jdbc.query("SELECT * FROM venue WHERE id = ?", VENUE, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Gate> gates(long venueId) {
        return jdbc.query("SELECT * FROM gate WHERE venue_id = ? ORDER BY code", GATE, venueId);
    }

    @Transactional(readOnly = true)
    public List<Gate> allGates() {
        return jdbc.query("SELECT * FROM gate ORDER BY venue_id, code", GATE);
    }

    @Transactional(readOnly = true)
    public Optional<Gate> gate(long gateId) {
        return jdbc.query("SELECT * FROM gate WHERE id = ?", GATE, gateId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Device> devices(long gateId) {
        return jdbc.query(DEVICE_SELECT + " WHERE d.gate_id = ? ORDER BY d.id", DEVICE, gateId);
    }

    @Transactional(readOnly = true)
    public List<Device> devicesOfVenue(long venueId) {
        return jdbc.query(DEVICE_SELECT + " WHERE g.venue_id = ? ORDER BY d.gate_id, d.id", DEVICE, venueId);
    }

    @Transactional(readOnly = true)
    public Optional<Device> device(long deviceId) {
        return jdbc.query(DEVICE_SELECT + " WHERE d.id = ?", DEVICE, deviceId).stream().findFirst();
    }

    /** The device a bearer token belongs to, whatever its status (the caller answers 401 or 403). */
    @Transactional(readOnly = true)
    public Optional<DeviceIdentity> deviceByToken(String token) {
        return jdbc.query("SELECT d.id, d.gate_id, g.venue_id, d.status, g.active AND v.active FROM device d"
                        + " JOIN gate g ON g.id = d.gate_id JOIN venue v ON v.id = g.venue_id WHERE d.token_hash = ?",
                (rs, i) -> new DeviceIdentity(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        DeviceStatus.valueOf(rs.getString(4)), rs.getBoolean(5)), DeviceTokens.hash(token))
                .stream().findFirst();
    }

    // ---- changes (admins) ----------------------------------------------------------------------------

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Venue createVenue(VenueDraft draft) {
        return insertVenue(draft);
    }

    @Transactional
    Venue insertVenue(VenueDraft draft) {
        drafts.requireValid(draft);
        long id = insert("INSERT INTO venue (code, name_zh, name_en, level, district, address, active, created_at)"
                        + " VALUES (?,?,?,?,?,?,TRUE,?)", "venue.error.duplicateCode",
                draft.code().trim(), draft.nameZh().trim(), draft.nameEn().trim(), draft.level().name(),
                blankToNull(draft.district()), blankToNull(draft.address()), now());
        Venue venue = venue(id).orElseThrow();
        audit.record("venue", id, "create", null, venue);
        events.publishEvent(new VenueChanged(venue, RegistryChanged.Change.CREATED));
        return venue;
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Venue updateVenue(long id, int version, VenueDraft draft, boolean active) {
        drafts.requireValid(draft);
        Venue before = venue(id).orElseThrow(() -> new UnknownRecordException("venue.error.notFound"));
        updateVersioned("UPDATE venue SET code = ?, name_zh = ?, name_en = ?, level = ?, district = ?,"
                        + " address = ?, active = ?, version = version + 1 WHERE id = ? AND version = ?",
                "venue.error.duplicateCode", draft.code().trim(), draft.nameZh().trim(), draft.nameEn().trim(),
                draft.level().name(), blankToNull(draft.district()), blankToNull(draft.address()), active, id, version);
        Venue after = venue(id).orElseThrow();
        audit.record("venue", id, updateAction(before.active(), active), before, after);
        events.publishEvent(new VenueChanged(after, RegistryChanged.Change.of(before.active(), active)));
        if (before.active() != active) {
            events.publishEvent(DeviceAccessChanged.venue(id));
        }
        return after;
    }

    /** Deactivates (or reactivates) a venue, keeping everything else as it is. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Venue setVenueActive(long id, int version, boolean active) {
        Venue v = venue(id).orElseThrow(() -> new UnknownRecordException("venue.error.notFound"));
        return updateVenue(id, version, new VenueDraft(v.code(), v.nameZh(), v.nameEn(), v.level(), v.district(),
                v.address()), active);
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Gate createGate(long venueId, GateDraft draft) {
        return insertGate(venueId, draft);
    }

    @Transactional
    Gate insertGate(long venueId, GateDraft draft) {
        drafts.requireValid(draft);
        venue(venueId).orElseThrow(() -> new UnknownRecordException("venue.error.notFound"));
        long id = insert("INSERT INTO gate (venue_id, code, name_zh, name_en, active, created_at) VALUES (?,?,?,?,TRUE,?)",
                "venue.gate.error.duplicateCode", venueId, draft.code().trim(), draft.nameZh().trim(),
                draft.nameEn().trim(), now());
        Gate gate = gate(id).orElseThrow();
        audit.record("gate", id, "create", null, gate);
        events.publishEvent(new GateChanged(gate, RegistryChanged.Change.CREATED));
        return gate;
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Gate updateGate(long gateId, int version, GateDraft draft, boolean active) {
        drafts.requireValid(draft);
        Gate before = gate(gateId).orElseThrow(() -> new UnknownRecordException("venue.gate.error.notFound"));
        updateVersioned("UPDATE gate SET code = ?, name_zh = ?, name_en = ?, active = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?", "venue.gate.error.duplicateCode", draft.code().trim(),
                draft.nameZh().trim(), draft.nameEn().trim(), active, gateId, version);
        Gate after = gate(gateId).orElseThrow();
        audit.record("gate", gateId, updateAction(before.active(), active), before, after);
        events.publishEvent(new GateChanged(after, RegistryChanged.Change.of(before.active(), active)));
        if (before.active() != active) {
            events.publishEvent(DeviceAccessChanged.gate(gateId));
        }
        return after;
    }

    /** Deactivates (or reactivates) a gate, keeping everything else as it is. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Gate setGateActive(long gateId, int version, boolean active) {
        Gate g = gate(gateId).orElseThrow(() -> new UnknownRecordException("venue.gate.error.notFound"));
        return updateGate(gateId, version, new GateDraft(g.code(), g.nameZh(), g.nameEn()), active);
    }

    /** Registers a device at a gate and answers its token: the only time the token is shown. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public IssuedToken registerDevice(long gateId, String label) {
        return insertDevice(gateId, label);
    }

    @Transactional
    IssuedToken insertDevice(long gateId, String label) {
        if (label == null || label.isBlank() || label.length() > 64) {
            throw new UserFacingException("venue.device.error.label");
        }
        gate(gateId).orElseThrow(() -> new UnknownRecordException("venue.gate.error.notFound"));
        String token = DeviceTokens.newToken();
        Timestamp now = now();
        long id = insert("INSERT INTO device (gate_id, label, token_hash, status, created_at, token_issued_at)"
                + " VALUES (?,?,?,'ACTIVE',?,?)", "venue.device.error.label", gateId, label.trim(),
                DeviceTokens.hash(token), now, now);
        audit.record("device", id, "register", null, Map.of("gateId", gateId, "label", label.trim()));
        events.publishEvent(new DeviceChanged(device(id).orElseThrow(), RegistryChanged.Change.CREATED));
        return new IssuedToken(id, token);
    }

    /** A new token replaces the old one at once; the old one stops working. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public IssuedToken rotateToken(long deviceId) {
        Device device = device(deviceId).orElseThrow(() -> new UnknownRecordException("venue.device.error.notFound"));
        if (device.status() == DeviceStatus.REVOKED) {
            throw new ConflictException("venue.device.error.revoked");
        }
        String token = DeviceTokens.newToken();
        // the status test in SQL, not only above: a revoke committed in between must win
        if (jdbc.update("UPDATE device SET token_hash = ?, token_issued_at = ?, version = version + 1"
                + " WHERE id = ? AND status <> 'REVOKED'", DeviceTokens.hash(token), now(), deviceId) != 1) {
            throw new ConflictException("venue.device.error.revoked");
        }
        audit.record("device", deviceId, "rotate-token", null, null);
        events.publishEvent(new DeviceChanged(device(deviceId).orElseThrow(), RegistryChanged.Change.CHANGED));
        events.publishEvent(DeviceAccessChanged.device(deviceId));
        return new IssuedToken(deviceId, token);
    }

    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public Device setDeviceStatus(long deviceId, DeviceStatus status) {
        Device before = device(deviceId).orElseThrow(() -> new UnknownRecordException("venue.device.error.notFound"));
        if (before.status() == DeviceStatus.REVOKED && status != DeviceStatus.REVOKED) {
            throw new ConflictException("venue.device.error.revoked");
        }
        // Revoked is final. Tested in SQL, not only above: of two racing changes, the one that waits for the
        // row lock re-reads the committed status, so a revoke committed meanwhile cannot be undone.
        if (jdbc.update("UPDATE device SET status = ?, version = version + 1 WHERE id = ? AND status <> 'REVOKED'",
                status.name(), deviceId) != 1) {
            if (status == DeviceStatus.REVOKED) {
                return device(deviceId).orElseThrow();
            }
            throw new ConflictException("venue.device.error.revoked");
        }
        Device after = device(deviceId).orElseThrow();
        audit.record("device", deviceId, "status-" + status.name().toLowerCase(), before, after);
        events.publishEvent(new DeviceChanged(after, RegistryChanged.Change.of(before.status() == DeviceStatus.ACTIVE,
                status == DeviceStatus.ACTIVE)));
        events.publishEvent(DeviceAccessChanged.device(deviceId));
        return after;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private long insert(String sql, String duplicateKey, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps;
            }, keys);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(duplicateKey);
        }
        return keys.getKey().longValue();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /**
     * An update guarded by the row's version: someone else's change in between is a conflict, and so is a
     * code that another row of the same kind already has.
     */
    private void updateVersioned(String sql, String duplicateKey, Object... args) {
        int n;
        try {
            n = jdbc.update(sql, args);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(duplicateKey);
        }
        if (n != 1) {
            throw new ConflictException("error.concurrentChange");
        }
    }

    /** How the audit trail names an edit: a change of the active flag is the news. */
    private static String updateAction(boolean wasActive, boolean active) {
        return wasActive == active ? "update" : (active ? "activate" : "deactivate");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
