package org.gateboard.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.gateboard.base.ThisNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live counts of a cluster's nodes, shared over Redis pub/sub (channel {@value #CHANNEL}); on only when
 * {@code spring.data.redis.url} is set. Every {@link LiveSettings#busPublishInterval()} this node sends its own
 * counts of the venues that changed, whole (not the increments), with what its verdicts added to the gates'
 * windows; every {@link LiveSettings#busHeartbeat()} it sends its counts of every venue. The others keep the
 * last they heard ({@link OtherNodes}) and push the venues that changed to their screens. Because each message
 * carries whole counts, a lost message is made good by the next one for that venue and at the latest by the
 * next heartbeat; a node silent for {@link LiveSettings#nodeSilentAfter()} (or that said it stops) is counted
 * from the database instead. Redis being away loses only messages: each node then shows its own verdicts at
 * once and the others' from the minute's recount, and is whole again one heartbeat after Redis is back.
 */
@Component
@ConditionalOnProperty(prefix = "spring.data.redis", name = "url")
class LiveBus implements SmartLifecycle, MessageListener {

    static final String CHANNEL = "gateboard:live";

    private static final Logger log = LoggerFactory.getLogger(LiveBus.class);

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listeners;
    private final ObjectMapper json;
    private final LiveCounters counters;
    private final OtherNodes others;
    private final Registry registry;
    private final LiveUpdates updates;
    /** The registry changes each other node said it committed, as last heard. */
    private final Map<Long, Long> registryChangesHeard = new java.util.concurrent.ConcurrentHashMap<>();
    private final LiveSettings settings;
    private final long self;
    private final Clock clock;
    private final ZoneId zone;
    private final Counter sent;
    private final Counter received;
    private final Counter failed;
    private final ChannelTopic topic = new ChannelTopic(CHANNEL);
    private ScheduledExecutorService publisher;
    private volatile boolean running;
    private long lastHeartbeat;
    private long registryChangesSent = -1;
    private boolean failing;

    LiveBus(StringRedisTemplate redis, RedisMessageListenerContainer liveBusListeners, ObjectMapper json,
            LiveCounters counters, OtherNodes others, Registry registry, LiveUpdates updates, LiveSettings settings, ThisNode node,
            MeterRegistry meters, Clock clock, ZoneId venueZone) {
        this.redis = redis;
        this.listeners = liveBusListeners;
        this.json = json;
        this.counters = counters;
        this.others = others;
        this.registry = registry;
        this.updates = updates;
        this.settings = settings;
        this.self = node.id();
        this.clock = clock;
        this.zone = venueZone;
        this.sent = Counter.builder("gateboard.live.bus.sent").description("Messages this node sent on the live bus")
                .register(meters);
        this.received = Counter.builder("gateboard.live.bus.received")
                .description("Messages of other nodes this node heard on the live bus").register(meters);
        this.failed = Counter.builder("gateboard.live.bus.failed")
                .description("Messages this node could not send (Redis away); the next heartbeat makes them good")
                .register(meters);
        Gauge.builder("gateboard.live.bus.nodes", others, o -> o.nodes().size())
                .description("Other nodes heard on the live bus").register(meters);
    }

    @Override
    public void start() {
        counters.share();
        listeners.addMessageListener(this, topic);
        publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-bus");
            t.setDaemon(true);
            return t;
        });
        long every = settings.busPublishInterval().toMillis();
        publisher.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Stops after the web server (so its last verdicts are told) and before Redis' connection closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void stop() {
        running = false;
        if (publisher != null) {
            publisher.shutdownNow();
            try {
                publisher.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listeners.removeMessageListener(this, topic);
        send(new BusMessage(self, today(), true, true, BusMessage.of(counters.ownToday(today(), true)), List.of(),
                registry.ownChanges()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void round() {
        try {
            long now = System.nanoTime();
            boolean heartbeat = now - lastHeartbeat >= settings.busHeartbeat().toNanos();
            LocalDate today = today();
            Map<Long, DayCounts> venues = counters.ownToday(today, heartbeat);
            List<WindowFacts.Gate> facts = counters.ownWindowFacts();
            long registryChanges = registry.ownChanges();
            if (heartbeat || !venues.isEmpty() || !facts.isEmpty() || registryChanges != registryChangesSent) {
                if (send(new BusMessage(self, today, heartbeat, false, BusMessage.of(venues), facts,
                        registryChanges))) {
                    registryChangesSent = registryChanges;
                    if (heartbeat) {
                        lastHeartbeat = now;
                    }
                }
            }
            others.silentFor(settings.nodeSilentAfter().toNanos()).forEach(counters::nodeStopped);
        } catch (RuntimeException e) {
            log.warn("Live bus round failed", e);
        }
    }

    private boolean send(BusMessage message) {
        try {
            redis.convertAndSend(CHANNEL, json.writeValueAsString(message));
            sent.increment();
            if (failing) {
                log.info("Live bus: Redis answers again");
                failing = false;
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            failed.increment();
            if (!failing) {
                log.warn("Live bus: cannot send to Redis ({}); other nodes get this node's counts at their"
                        + " next recount until it answers", e.getMessage());
                failing = true;
            }
            return false;
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        BusMessage m;
        try {
            m = json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), BusMessage.class);
        } catch (Exception e) {
            log.warn("Live bus: a message that is not one of ours was ignored ({})", e.getMessage());
            return;
        }
        if (m.node() == self) {
            return;
        }
        received.increment();
        if (m.stopping()) {
            registryChangesHeard.remove(m.node());
            counters.nodeStopped(m.node());
            return;
        }
        Long before = registryChangesHeard.put(m.node(), m.registryChanges());
        if (before == null || before != m.registryChanges()) {
            registry.changedElsewhere();
        }
        Set<Long> changed = others.heard(m.node(), m.date(), m.complete(), m.dayCounts());
        if (m.gates() != null && !m.gates().isEmpty()) {
            counters.otherWindowFacts(m.gates());
        }
        changed.forEach(updates::changed);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
