package org.gateboard.verdict;

import org.gateboard.venue.DeviceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each device last reported ({@code device_contact}), recorded by the device API and read by others
 * through {@link #all()} and the {@link DeviceReported} events. A heartbeat is written at once. Any other
 * authenticated call only marks the device as seen in memory; those marks are written together about once a
 * second with one statement, so that contact tracking adds no write to a verdict upload.
 * {@link DeviceReported} is published in the transaction that writes the contact, so listeners hear of it
 * once it is committed.
 */
@Service
public class DeviceContacts {

    private static final Logger log = LoggerFactory.getLogger(DeviceContacts.class);

    /** A heartbeat's content. */
    public record Heartbeat(int policyVersion, int backlog, Instant sentAt) {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();

    private record Seen(DeviceIdentity device, Instant at) {
    }

    DeviceContacts(JdbcTemplate jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                   Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What every device that ever made contact last reported, as recorded. */
    @Transactional(readOnly = true)
    public List<DeviceContact> all() {
        return jdbc.query("SELECT device_id, last_contact_at, backlog, clock_skew_ms, policy_version FROM device_contact",
                (rs, i) -> new DeviceContact(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, Integer.class), rs.getObject(4, Long.class), rs.getObject(5, Integer.class)));
    }

    /** Marks the device as seen now (the device API, on every authenticated call); written within about a second. */
    public void touch(DeviceIdentity device) {
        seen.put(device.deviceId(), new Seen(device, clock.instant()));
    }

    /** Records a heartbeat now (the device retries on failure) and announces it. */
    public void heartbeat(DeviceIdentity device, Heartbeat beat) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long skewMs = beat.sentAt().toEpochMilli() - now.toEpochMilli();
        Timestamp at = Timestamp.from(now);
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO device_contact (device_id, last_contact_at, last_heartbeat_at, backlog,"
                            + " clock_skew_ms, policy_version) VALUES (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE"
                            + " last_contact_at = GREATEST(last_contact_at, VALUES(last_contact_at)),"
                            + " last_heartbeat_at = VALUES(last_heartbeat_at), backlog = VALUES(backlog),"
                            + " clock_skew_ms = VALUES(clock_skew_ms), policy_version = VALUES(policy_version)",
                    device.deviceId(), at, at, beat.backlog(), skewMs, beat.policyVersion());
            events.publishEvent(new DeviceReported(device.deviceId(), device.gateId(), device.venueId(), now,
                    beat.backlog(), skewMs, beat.policyVersion()));
        });
    }

    @Scheduled(fixedDelayString = "${gateboard.device-api.contact-flush-interval:1000}")
    void flush() {
        if (seen.isEmpty()) {
            return;
        }
        Map<Long, Seen> batch = new HashMap<>(seen);
        batch.forEach((id, s) -> seen.remove(id, s));
        List<Seen> list = new ArrayList<>(batch.values());
        try {
            StringBuilder sql = new StringBuilder("INSERT INTO device_contact (device_id, last_contact_at) VALUES ");
            List<Object> args = new ArrayList<>(list.size() * 2);
            for (Seen s : list) {
                sql.append(args.isEmpty() ? "" : ",").append("(?,?)");
                args.add(s.device().deviceId());
                args.add(Timestamp.from(s.at().truncatedTo(ChronoUnit.MILLIS)));
            }
            sql.append(" ON DUPLICATE KEY UPDATE last_contact_at = GREATEST(last_contact_at, VALUES(last_contact_at))");
            tx.executeWithoutResult(status -> {
                jdbc.update(sql.toString(), args.toArray());
                announce(list);
            });
        } catch (RuntimeException e) {
            // keep the marks (unless newer ones came in meanwhile) for the next round
            list.forEach(s -> seen.putIfAbsent(s.device().deviceId(), s));
            log.debug("Device contacts not written yet: {}", e.getMessage());
        }
    }

    private void announce(List<Seen> list) {
        StringBuilder in = new StringBuilder();
        List<Object> ids = new ArrayList<>(list.size());
        for (Seen s : list) {
            in.append(in.isEmpty() ? "?" : ",?");
            ids.add(s.device().deviceId());
        }
        Map<Long, Object[]> reported = new HashMap<>();
        jdbc.query("SELECT device_id, backlog, clock_skew_ms, policy_version, last_contact_at FROM device_contact"
                + " WHERE device_id IN (" + in + ")", rs -> {
            reported.put(rs.getLong(1), new Object[]{rs.getObject(2, Integer.class), rs.getObject(3, Long.class),
                    rs.getObject(4, Integer.class), rs.getTimestamp(5).toInstant()});
        }, ids.toArray());
        for (Seen s : list) {
            Object[] r = reported.get(s.device().deviceId());
            if (r != null) {
                DeviceIdentity d = s.device();
                events.publishEvent(new DeviceReported(d.deviceId(), d.gateId(), d.venueId(), (Instant) r[3],
                        (Integer) r[0], (Long) r[1], (Integer) r[2]));
            }
        }
    }
}
