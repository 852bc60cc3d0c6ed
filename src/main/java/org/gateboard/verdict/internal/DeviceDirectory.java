package org.gateboard.verdict.internal;

import com.github.benmanes.caffeine.cache.Cache;
import org.gateboard.base.Caches;
import org.gateboard.venue.DeviceAccessChanged;
import org.gateboard.venue.DeviceIdentity;
import org.gateboard.venue.VenueService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer token to device, remembered for a short while so that a device sending many batches costs one
 * registry look-up per interval rather than one per request. Unknown tokens are remembered too, so that a
 * flood of bad tokens does not turn into a flood of queries; the cache's size bound keeps that flood from
 * growing the heap. A registry change that affects a device ({@link DeviceAccessChanged}: disabled, revoked,
 * new token, gate or venue deactivated) drops its entries once committed, so it takes effect at once on this
 * node; other nodes see it when their entry expires ({@code gateboard.cache.device-tokens}, 2 s).
 */
@Component
public class DeviceDirectory {

    private final VenueService venues;
    private final Cache<String, Optional<DeviceIdentity>> byToken;
    /** Bumped by every eviction, so a look-up that read the registry before a change does not cache it after. */
    private final AtomicLong generation = new AtomicLong();

    DeviceDirectory(VenueService venues, Caches caches) {
        this.venues = venues;
        this.byToken = caches.build("device-tokens");
    }

    /** The device of a token, whatever its status; empty for an unknown token. May throw when the database is down. */
    public Optional<DeviceIdentity> byToken(String token) {
        Optional<DeviceIdentity> cached = byToken.getIfPresent(token);
        if (cached != null) {
            return cached;
        }
        long seen = generation.get();
        Optional<DeviceIdentity> device = venues.deviceByToken(token);
        byToken.put(token, device);
        if (generation.get() != seen) {
            // a change committed while we read: what we read may predate it
            byToken.invalidate(token);
        }
        return device;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeviceAccessChanged change) {
        generation.incrementAndGet();
        // unknown tokens stay: a change never makes an unknown token known (a new token is not cached yet)
        byToken.asMap().values().removeIf(e -> e.map(d -> matches(d, change)).orElse(false));
    }

    private static boolean matches(DeviceIdentity d, DeviceAccessChanged change) {
        return change.deviceId() != null && change.deviceId() == d.deviceId()
                || change.gateId() != null && change.gateId() == d.gateId()
                || change.venueId() != null && change.venueId() == d.venueId();
    }
}
