package org.gateboard.live;

import org.gateboard.venue.Device;
import org.gateboard.venue.Gate;
import org.gateboard.venue.RegistryChanged;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The venues, gates and devices, as read from the venue feature: live pushes need them several times a second
 * per open view. The copy is read again after every {@link RegistryChanged} this node commits (and its venue's
 * views get a push), when another node tells over the live bus that it committed one ({@link LiveBus}), and in
 * every recount ({@link LiveCounters}, each minute), which brings in what other nodes changed when there is no
 * bus.
 */
@Component
class Registry {

    record Snapshot(List<Venue> venues, Map<Long, List<Gate>> gates, Map<Long, List<Device>> devices) {

        Optional<Venue> venue(long id) {
            return venues.stream().filter(v -> v.id() == id).findFirst();
        }

        List<Gate> gatesOf(long venueId) {
            return gates.getOrDefault(venueId, List.of());
        }

        List<Device> devicesOf(long venueId) {
            return devices.getOrDefault(venueId, List.of());
        }
    }

    /** A snapshot and the number of registry changes that had been committed when it was read. */
    private record Held(long changes, Snapshot snapshot) {
    }

    private final VenueService venues;
    private final LiveUpdates updates;
    /** Registry changes committed so far: a snapshot read before the latest one is not used again. */
    private final AtomicLong changes = new AtomicLong();
    /** Registry changes this node committed, for the other nodes. */
    private final AtomicLong ownChanges = new AtomicLong();
    private volatile Held held;

    Registry(VenueService venues, LiveUpdates updates) {
        this.venues = venues;
        this.updates = updates;
    }

    Snapshot get() {
        Held h = held;
        return h != null && h.changes() == changes.get() ? h.snapshot() : read(false);
    }

    /** The registry, read again if it does not know the venue yet (another node's admin just created it). */
    Snapshot knowing(long venueId) {
        Snapshot s = get();
        if (s.venue(venueId).isEmpty()) {
            s = reload();
        }
        return s;
    }

    /** Reads the registry now, whatever is held. */
    Snapshot reload() {
        return read(true);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RegistryChanged change) {
        ownChanges.incrementAndGet();
        changes.incrementAndGet();
        updates.changed(change.venueId());
    }

    /** How many registry changes this node committed since it started. */
    long ownChanges() {
        return ownChanges.get();
    }

    /** Another node committed a registry change: the copy is read again at its next use. */
    void changedElsewhere() {
        changes.incrementAndGet();
    }

    private synchronized Snapshot read(boolean always) {
        long seen = changes.get();
        Held h = held;
        if (!always && h != null && h.changes() == seen) {
            return h.snapshot();
        }
        List<Venue> all = venues.venues();
        Map<Long, List<Gate>> gates = new HashMap<>();
        for (Gate g : venues.allGates()) {
            gates.computeIfAbsent(g.venueId(), id -> new ArrayList<>()).add(g);
        }
        Map<Long, List<Device>> devices = new HashMap<>();
        for (Venue v : all) {
            devices.put(v.id(), venues.devicesOfVenue(v.id()));
        }
        Snapshot s = new Snapshot(all, gates, devices);
        // a change committed while reading leaves this snapshot marked as older than it: the next get() reads again
        held = new Held(seen, s);
        return s;
    }
}
