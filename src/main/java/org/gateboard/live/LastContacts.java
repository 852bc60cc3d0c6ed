package org.gateboard.live;

import org.gateboard.verdict.DeviceContact;
import org.gateboard.verdict.DeviceContacts;
import org.gateboard.verdict.DeviceReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each device last reported (last contact, backlog, clock skew, policy version), as the dashboards show
 * it: read from the verdict feature's {@link DeviceContacts} at start-up and in every recount, kept current
 * from its {@link DeviceReported} events in between.
 */
@Component
class LastContacts {

    private final Map<Long, DeviceContact> contacts = new ConcurrentHashMap<>();
    private final DeviceContacts recorded;
    private final LiveUpdates updates;

    LastContacts(DeviceContacts recorded, LiveUpdates updates) {
        this.recorded = recorded;
        this.updates = updates;
    }

    /**
     * Reads what is recorded (at start-up, and in a recount to recover lost events); the events keep it current
     * otherwise. A contact older than what an event already told is not taken.
     */
    void reload() {
        recorded.all().forEach(this::merge);
    }

    // in memory only: no transaction of its own (NOT_SUPPORTED), so a saturated connection pool cannot stop it
    // before it runs, as the default REQUIRES_NEW would, losing the event until the minute's recount
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DeviceReported e) {
        merge(new DeviceContact(e.deviceId(), e.at(), e.backlog(), e.clockSkewMs(), e.policyVersion()));
        updates.changed(e.venueId());
    }

    private void merge(DeviceContact contact) {
        contacts.merge(contact.deviceId(), contact,
                (old, now) -> now.lastContact().isBefore(old.lastContact()) ? old : now);
    }

    DeviceContact get(long deviceId) {
        return contacts.get(deviceId);
    }
}
