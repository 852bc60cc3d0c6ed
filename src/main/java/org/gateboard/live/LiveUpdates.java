package org.gateboard.live;

import com.vaadin.flow.shared.Registration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Subscriptions and their coalescing. A change only bumps a counter (per venue and overall), whatever the
 * number of subscribers, so ingestion never waits for a view. Every {@link LiveSettings#pushInterval()}
 * a single thread looks for subscribers whose venue changed since their last push, builds each snapshot
 * once per round and hands it to the subscriber on a small delivery pool; a subscriber still busy with
 * its previous push is skipped until the next round. So a subscriber gets at most one push per interval.
 * Every {@link LiveSettings#refreshInterval()} all subscribers get a push, so rates and online states
 * move on in a quiet hour too. Before each push a subscriber's right to it is asked again (a cached look-up);
 * one that lost it is dropped, so a push never carries the scope a view started with.
 */
@Component
class LiveUpdates implements SmartLifecycle {

    /** The venue id of subscribers to every venue. */
    static final long ALL = -1;

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Map<Long, AtomicLong> venueVersions = new ConcurrentHashMap<>();
    private final AtomicLong allVersion = new AtomicLong();
    private final LiveSettings settings;
    private ScheduledExecutorService ticker;
    private ExecutorService delivery;
    private volatile boolean running;
    private long lastRefresh = System.nanoTime();

    LiveUpdates(LiveSettings settings, MeterRegistry meters) {
        this.settings = settings;
        Gauge.builder("gateboard.live.subscriptions", subscribers, Set::size)
                .description("Open live push subscriptions (views on screen that receive pushes)").register(meters);
    }

    private final class Subscriber implements Registration {
        final long venueId;
        final BooleanSupplier allowed;
        final Function<Map<Object, Object>, Object> snapshot;
        final Consumer<Object> listener;
        final AtomicBoolean busy = new AtomicBoolean();
        long seenVersion;

        Subscriber(long venueId, BooleanSupplier allowed, Function<Map<Object, Object>, Object> snapshot,
                   Consumer<Object> listener) {
            this.venueId = venueId;
            this.allowed = allowed;
            this.snapshot = snapshot;
            this.listener = listener;
            this.seenVersion = version();
        }

        long version() {
            return venueId == ALL ? allVersion.get() : versionOf(venueId).get();
        }

        @Override
        public void remove() {
            subscribers.remove(this);
        }
    }

    /** Something changed at a venue: its subscribers and the city-wide ones get a push next round. */
    void changed(long venueId) {
        versionOf(venueId).incrementAndGet();
        allVersion.incrementAndGet();
    }

    /**
     * Subscribes to a venue ({@link #ALL} for every venue). {@code snapshot} builds what the listener gets,
     * and may share work among the subscribers of one round through the map it is given. {@code allowed} is
     * asked before every push: once it answers false the subscription ends.
     */
    @SuppressWarnings("unchecked")
    <T> Registration subscribe(long venueId, BooleanSupplier allowed, Function<Map<Object, Object>, T> snapshot,
                               Consumer<T> listener) {
        Subscriber s = new Subscriber(venueId, allowed, (Function<Map<Object, Object>, Object>) snapshot,
                (Consumer<Object>) listener);
        subscribers.add(s);
        return s;
    }

    private void tick() {
        try {
            boolean refresh = System.nanoTime() - lastRefresh >= settings.refreshInterval().toNanos();
            if (refresh) {
                lastRefresh = System.nanoTime();
            }
            round(refresh, true);
        } catch (RuntimeException e) {
            log.warn("Live update round failed", e);
        }
    }

    /**
     * One round: pushes the subscribers whose venue changed since their last push ({@code everyone}: all of
     * them), on the delivery pool ({@code async}) or on the calling thread.
     */
    synchronized void round(boolean everyone, boolean async) {
        Map<Object, Object> memo = new HashMap<>();
        for (Subscriber s : subscribers) {
            long version = s.version();
            if (!everyone && version == s.seenVersion) {
                continue;
            }
            if (!s.busy.compareAndSet(false, true)) {
                continue;
            }
            Boolean allowed = allowedNow(s);
            if (allowed == null || !allowed) {
                if (allowed != null) {
                    subscribers.remove(s);
                }
                s.busy.set(false);
                continue;
            }
            Object value;
            try {
                value = s.snapshot.apply(memo);
            } catch (RuntimeException e) {
                s.busy.set(false);
                throw e;
            }
            s.seenVersion = version;
            Runnable push = () -> {
                try {
                    s.listener.accept(value);
                } catch (RuntimeException e) {
                    log.debug("A live listener failed; it stays subscribed until it unsubscribes", e);
                } finally {
                    s.busy.set(false);
                }
            };
            if (async) {
                delivery.execute(push);
            } else {
                push.run();
            }
        }
    }

    /** Whether the subscriber may still have its push; null when that cannot be told now (it gets none this round). */
    private static Boolean allowedNow(Subscriber s) {
        try {
            return s.allowed.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("Could not check a live subscriber's access; it gets no push this round", e);
            return null;
        }
    }

    private AtomicLong versionOf(long venueId) {
        return venueVersions.computeIfAbsent(venueId, id -> new AtomicLong());
    }

    @Override
    public void start() {
        ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-updates"));
        // two threads: pushing to one slow browser must not hold up the others; a full queue means the
        // pool is behind, and that round's pushes run on the ticker (slowing the rounds, not ingestion)
        delivery = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
                r -> daemon(r, "live-push"), new ThreadPoolExecutor.CallerRunsPolicy());
        long ms = settings.pushInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    @PreDestroy
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdownNow();
            delivery.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
