package org.gateboard.testsupport;

import org.gateboard.venue.Device;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.VerdictsStored;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Verdicts as the ingestion path stores them: rows in {@code verdict}, then {@link VerdictsStored} after the
 * commit. Also makes uniquely named venues (with a gate and a device each) so a test can count exactly.
 */
public class VerdictFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final VenueService venues;
    private final TransactionTemplate tx;

    public VerdictFixture(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.venues = context.getBean(VenueService.class);
        this.tx = context.getBean(TransactionTemplate.class);
    }

    /** A venue of its own with {@code gates} gates and one device at each. */
    public record TestVenue(Venue venue, List<Gate> gates, List<Device> devices) {
        public long id() {
            return venue.id();
        }

        public Gate gate(int i) {
            return gates.get(i);
        }

        public Device device(int i) {
            return devices.get(i);
        }
    }

    public TestVenue newVenue(String district, int gateCount) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            String code = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + SEQ.incrementAndGet();
            Venue venue = venues.createVenue(new VenueDraft(code, "测试场所 " + code, "Test venue " + code,
                    VenueLevel.DISTRICT, district, null));
            List<Gate> gates = new ArrayList<>();
            List<Device> devices = new ArrayList<>();
            for (int i = 1; i <= gateCount; i++) {
                Gate gate = venues.createGate(venue.id(), new GateDraft("G" + i, "门 " + i, "Gate " + i));
                gates.add(gate);
                long deviceId = venues.registerDevice(gate.id(), "DEV-" + code + "-" + i).deviceId();
                devices.add(venues.device(deviceId).orElseThrow());
            }
            return new TestVenue(venue, gates, devices);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public static StoredVerdict admitted(TestVenue v, int gate, Instant at, PersonRole role, Double checkSeconds) {
        return verdict(v.id(), v.gate(gate).id(), v.device(gate).id(), at, Outcome.ADMITTED, Set.of(), role,
                checkSeconds, false);
    }

    public static StoredVerdict refused(TestVenue v, int gate, Instant at, PersonRole role, RefusalReason... reasons) {
        return verdict(v.id(), v.gate(gate).id(), v.device(gate).id(), at, Outcome.REFUSED, Set.of(reasons), role,
                null, false);
    }

    public static StoredVerdict verdict(long venueId, long gateId, long deviceId, Instant at, Outcome outcome,
                                        Set<RefusalReason> reasons, PersonRole role, Double checkSeconds,
                                        boolean nonConforming) {
        return new StoredVerdict(UUID.randomUUID(), venueId, gateId, deviceId, at, outcome, Set.copyOf(reasons), role,
                Channel.APP, checkSeconds, nonConforming);
    }

    /** Stores the verdicts and announces them after the commit, as ingestion does. */
    public void store(List<StoredVerdict> verdicts) {
        insertOnly(verdicts);
        announce(verdicts);
    }

    /** The event alone, as ingestion publishes it, and once its listeners have run. */
    public void announce(List<StoredVerdict> verdicts) {
        publish(new VerdictsStored(0, List.copyOf(verdicts)));
    }

    /**
     * Publishes an event in a transaction of its own, as its feature does, and returns once every
     * {@code @ApplicationModuleListener} of it has run.
     */
    public void publish(Object event) {
        tx.executeWithoutResult(s -> context.publishEvent(event));
        context.getBean(AsyncListeners.class).awaitIdle();
    }

    /** Rows and their tallies, no event: what a restart finds in the database. */
    public void insertOnly(List<StoredVerdict> verdicts) {
        tx.executeWithoutResult(s -> {
            insertRows(verdicts);
            insertTallies(verdicts);
        });
    }

    /** Counted one verdict at a time, independently of the ingestion path's batch sums. */
    private void insertTallies(List<StoredVerdict> verdicts) {
        List<Object[]> tallies = new ArrayList<>();
        for (StoredVerdict v : verdicts) {
            long ms = v.scannedAt().toEpochMilli();
            Timestamp period = Timestamp.from(Instant.ofEpochMilli(ms - Math.floorMod(ms, 15 * 60_000L)));
            tallies.add(new Object[]{v.venueId(), period, v.gateId(), v.deviceId(), v.outcome().name(),
                    v.personRole().name()});
            if (v.outcome() == Outcome.REFUSED) {
                v.reasons().forEach(r -> tallies.add(new Object[]{v.venueId(), period, v.gateId(), v.deviceId(),
                        "REFUSAL_REASON", r.name()}));
            }
            if (v.nonConforming()) {
                tallies.add(new Object[]{v.venueId(), period, v.gateId(), v.deviceId(), "NON_CONFORMING", ""});
            }
        }
        jdbc.batchUpdate("INSERT INTO verdict_tally (venue_id, period_start, gate_id, device_id, counted, item, n)"
                + " VALUES (?,?,?,?,?,?,1) ON DUPLICATE KEY UPDATE n = n + 1", tallies);
    }

    private void insertRows(List<StoredVerdict> verdicts) {
        jdbc.batchUpdate("INSERT INTO verdict (id, venue_id, gate_id, device_id,"
                + " scanned_at, received_at, outcome, reasons, code_color, channel, photo_on_code, id_checked,"
                + " mask_worn, temperature_c, person_role, check_ms, policy_version, non_conforming)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", verdicts, verdicts.size(), (ps, v) -> {
                    ps.setBytes(1, bytes(v.id()));
                    ps.setLong(2, v.venueId());
                    ps.setLong(3, v.gateId());
                    ps.setLong(4, v.deviceId());
                    ps.setTimestamp(5, Timestamp.from(v.scannedAt()));
                    ps.setTimestamp(6, Timestamp.from(Instant.now()));
                    ps.setString(7, v.outcome().name());
                    ps.setString(8, v.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                    ps.setString(9, v.reasons().contains(RefusalReason.CODE_RED) ? "RED"
                            : v.reasons().contains(RefusalReason.CODE_YELLOW) ? "YELLOW"
                            : v.reasons().contains(RefusalReason.NO_CODE) ? null : "GREEN");
                    ps.setString(10, v.channel() == null ? null : v.channel().name());
                    ps.setBoolean(11, true);
                    ps.setBoolean(12, false);
                    ps.setBoolean(13, !v.reasons().contains(RefusalReason.NO_MASK));
                    ps.setBigDecimal(14, new java.math.BigDecimal(v.reasons().contains(RefusalReason.FEVER) ? "37.8" : "36.5"));
                    ps.setString(15, v.personRole().name());
                    if (v.checkSeconds() == null) {
                        ps.setNull(16, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(16, (int) Math.round(v.checkSeconds() * 1000));
                    }
                    ps.setInt(17, 1);
                    ps.setBoolean(18, v.nonConforming());
                });
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
