package org.gateboard.verdict.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gateboard.venue.DeviceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Verdict ids a device sent that another device had already stored. The device's item is rejected (the
 * stored verdict is someone else's, so counting it a duplicate would make the device drop a verdict that
 * was never stored); officials find each clash in {@code verdict_id_clash}, in the log and in the
 * {@code gateboard.verdicts.id.clashes} counter. Either a device makes ids badly or someone replays another
 * device's ids.
 */
@Component
class VerdictIdClashes {

    private static final Logger log = LoggerFactory.getLogger(VerdictIdClashes.class);

    private final JdbcTemplate jdbc;
    private final Counter counter;

    VerdictIdClashes(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.counter = Counter.builder("gateboard.verdicts.id.clashes")
                .description("Verdicts rejected because another device already stored their id")
                .register(meters);
    }

    /** Records each clash; a resend of the same clash counts another attempt on the same row. */
    void record(DeviceIdentity device, Map<UUID, Long> storedBy, Instant at) {
        counter.increment(storedBy.size());
        for (Map.Entry<UUID, Long> clash : storedBy.entrySet()) {
            log.warn("Verdict id {} sent by device {} (gate {}, venue {}) was already stored by device {};"
                            + " rejected", clash.getKey(), device.deviceId(), device.gateId(), device.venueId(),
                    clash.getValue());
        }
        try {
            Timestamp when = Timestamp.from(at);
            jdbc.batchUpdate("INSERT INTO verdict_id_clash (verdict_id, device_id, venue_id, gate_id,"
                            + " stored_device_id, first_seen_at, last_seen_at, attempts) VALUES (?,?,?,?,?,?,?,1)"
                            + " ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at), attempts = attempts + 1",
                    storedBy.entrySet().stream().map(c -> new Object[]{VerdictStore.bytes(c.getKey()),
                            device.deviceId(), device.venueId(), device.gateId(), c.getValue(), when, when})
                            .toList());
        } catch (RuntimeException e) {
            // the device is told either way and the log above keeps the record
            log.error("Could not record verdict id clashes of device {}", device.deviceId(), e);
        }
    }
}
