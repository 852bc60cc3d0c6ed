package org.gateboard.verdict.internal;

import org.gateboard.venue.DeviceAccessChanged;
import org.gateboard.venue.DeviceIdentity;
import org.gateboard.venue.VenueService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer token to device, remembered for a short while so that a device sending many batches costs one
 * registry look-up per interval rather than one per request. Unknown tokens are remembered too, so that a
 * flood of bad tokens does not turn into a flood of queries. A registry change that affects a device
 * ({@link DeviceAccessChanged}: disabled, revoked, new token, gate or venue deactivated) drops its entries
 * once committed, so it takes effect at once on this node; other nodes see it within
 * {@code gateboard.device-api.token-cache-ttl} (2 s by default).
 */
@Component
public class DeviceDirectory {

    static final int MAX_ENTRIES = 50_000;

    private record Entry(Optional<DeviceIdentity> device, long expiresAtNanos) {
    }

    private final VenueService venues;
    private final long ttlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    /** Bumped by every eviction, so a look-up that read the registry before a change does not cache it after. */
    private final AtomicLong generation = new AtomicLong();

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
        long seen = generation.get();
        Optional<DeviceIdentity> device = venues.deviceByToken(token);
        if (cache.size() >= MAX_ENTRIES) {
            // bounded against a token-guessing flood; the legitimate devices come back within one look-up
            cache.clear();
        }
        cache.put(token, new Entry(device, now + ttlNanos));
        if (generation.get() != seen) {
            // a change committed while we read: what we read may predate it
            cache.remove(token);
        }
        return device;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeviceAccessChanged change) {
        generation.incrementAndGet();
        // unknown tokens stay: a change never makes an unknown token known (a new token is not cached yet)
        cache.values().removeIf(e -> e.device().map(d -> matches(d, change)).orElse(false));
    }

    private static boolean matches(DeviceIdentity d, DeviceAccessChanged change) {
        return change.deviceId() != null && change.deviceId() == d.deviceId()
                || change.gateId() != null && change.gateId() == d.gateId()
                || change.venueId() != null && change.venueId() == d.venueId();
    }
}
