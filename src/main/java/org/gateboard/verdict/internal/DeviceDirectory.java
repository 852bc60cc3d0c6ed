package org.gateboard.verdict.internal;

import org.gateboard.venue.DeviceIdentity;
import org.gateboard.venue.VenueService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer token to device, remembered for a short while so that a device sending many batches costs one
 * registry look-up per interval rather than one per request. The price: disabling or revoking a device
 * takes effect within {@code gateboard.device-api.token-cache-ttl} (2 s by default). Unknown tokens are
 * remembered too, so that a flood of bad tokens does not turn into a flood of queries.
 */
@Component
public class DeviceDirectory {

    static final int MAX_ENTRIES = 50_000;

    private record Entry(Optional<DeviceIdentity> device, long expiresAtNanos) {
    }

    private final VenueService venues;
    private final long ttlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    DeviceDirectory(VenueService venues, @Value("${gateboard.device-api.token-cache-ttl:2s}") Duration ttl) {
        this.venues = venues;
        this.ttlNanos = ttl.toNanos();
    }

    /** The device of a token, whatever its status; empty for an unknown token. May throw when the database is down. */
    public Optional<DeviceIdentity> byToken(String token) {
        long now = System.nanoTime();
        Entry entry = cache.get(token);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.device();
        }
        Optional<DeviceIdentity> device = venues.deviceByToken(token);
        if (cache.size() >= MAX_ENTRIES) {
            // bounded against a token-guessing flood; the legitimate devices come back within one look-up
            cache.clear();
        }
        cache.put(token, new Entry(device, now + ttlNanos));
        return device;
    }
}
