package org.gateboard.live;

import org.gateboard.venue.Device;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The venues, gates and devices, read from the venue feature at most once per
 * {@link LiveSettings#registryCache()}: live pushes need them several times a second per open view, and an
 * admin's change may take that long to show. Its age is measured as elapsed time, not by the wall clock,
 * so a clock set back (or a test's clock put back) cannot make an old snapshot look fresh.
 */
@Component
class Registry {

    record Snapshot(long readNanos, List<Venue> venues, Map<Long, List<Gate>> gates, Map<Long, List<Device>> devices) {

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

    private final VenueService venues;
    private final LiveSettings settings;
    private volatile Snapshot current;

    Registry(VenueService venues, LiveSettings settings) {
        this.venues = venues;
        this.settings = settings;
    }

    Snapshot get() {
        Snapshot s = current;
        if (s == null || System.nanoTime() - s.readNanos() > settings.registryCache().toNanos()) {
            s = reload();
        }
        return s;
    }

    /** The registry, read again if it does not know the venue yet (an admin just created it). */
    Snapshot knowing(long venueId) {
        Snapshot s = get();
        if (s.venue(venueId).isEmpty()) {
            s = reload();
        }
        return s;
    }

    synchronized Snapshot reload() {
        List<Venue> all = venues.venues();
        Map<Long, List<Gate>> gates = new HashMap<>();
        for (Gate g : venues.allGates()) {
            gates.computeIfAbsent(g.venueId(), id -> new java.util.ArrayList<>()).add(g);
        }
        Map<Long, List<Device>> devices = new HashMap<>();
        for (Venue v : all) {
            devices.put(v.id(), venues.devicesOfVenue(v.id()));
        }
        Snapshot s = new Snapshot(System.nanoTime(), all, gates, devices);
        current = s;
        return s;
    }
}
