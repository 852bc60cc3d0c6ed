package org.gateboard.live;

import org.gateboard.verdict.DeviceReported;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each device last reported (last contact, backlog, clock skew, policy version): read from the
 * {@code device_contact} table at start-up, then kept current from {@link DeviceReported} events.
 */
@Component("liveDeviceContacts")
class DeviceContacts {

    record Contact(Instant lastContact, Integer backlog, Long clockSkewMs, Integer policyVersion) {
    }

    private final Map<Long, Contact> contacts = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final LiveUpdates updates;

    DeviceContacts(JdbcTemplate jdbc, LiveUpdates updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    /**
     * Reads the table (at start-up, and in a recount to recover lost events); the events keep it current
     * otherwise. A row older than what an event already told is not taken.
     */
    void reload() {
        jdbc.query("SELECT device_id, last_contact_at, backlog, clock_skew_ms, policy_version FROM device_contact",
                rs -> {
                    Timestamp at = rs.getTimestamp(2);
                    merge(rs.getLong(1), new Contact(at.toInstant(), (Integer) rs.getObject(3, Integer.class),
                            rs.getObject(4, Long.class), rs.getObject(5, Integer.class)));
                });
    }

    /** Runs once the contact is committed; arrivals out of order are harmless (the latest contact wins). */
    @ApplicationModuleListener
    void on(DeviceReported e) {
        merge(e.deviceId(), new Contact(e.at(), e.backlog(), e.clockSkewMs(), e.policyVersion()));
        updates.changed(e.venueId());
    }

    private void merge(long deviceId, Contact contact) {
        contacts.merge(deviceId, contact, (old, now) -> now.lastContact().isBefore(old.lastContact()) ? old : now);
    }

    Contact get(long deviceId) {
        return contacts.get(deviceId);
    }
}
