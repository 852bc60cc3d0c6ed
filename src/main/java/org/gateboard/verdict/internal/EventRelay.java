package org.gateboard.verdict.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gateboard.verdict.VerdictEventsLost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the verdict feature's events on a thread of its own, after the data they describe is
 * committed, so that no listener (the live dashboard, say) ever holds up a device's request. Listeners
 * therefore receive them outside any transaction: use {@code @EventListener}. If listeners fall so far
 * behind that the queue fills, events are dropped and counted rather than slowing ingestion; the stored
 * verdicts stay the truth, and {@link VerdictEventsLost} tells listeners to recount them.
 */
@Component
public class EventRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final ApplicationEventPublisher publisher;
    private final ThreadPoolExecutor executor;
    private final Counter dropped;
    private final AtomicBoolean noticePending = new AtomicBoolean();

    EventRelay(ApplicationEventPublisher publisher, MeterRegistry meters,
               @Value("${gateboard.verdict.event-queue-capacity:10000}") int queueCapacity) {
        this.publisher = publisher;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread t = new Thread(r, "verdict-events");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.dropped = Counter.builder("gateboard.verdict.events.dropped")
                .description("Verdict events not delivered because listeners fell behind").register(meters);
    }

    /** Hands the event over and returns at once. Call only after the data it describes is committed. */
    public void publish(Object event) {
        try {
            executor.execute(() -> {
                try {
                    publisher.publishEvent(event);
                } catch (RuntimeException e) {
                    log.warn("A listener failed on {}", event.getClass().getSimpleName(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            dropped.increment();
            lost();
        }
    }

    /**
     * Tells listeners at once, on this thread (the queue may be full), that events were lost. At most one
     * such notice is in flight: a burst of drops while listeners are behind is one notice, not thousands.
     */
    public void lost() {
        if (!noticePending.compareAndSet(false, true)) {
            return;
        }
        try {
            publisher.publishEvent(new VerdictEventsLost());
        } catch (RuntimeException e) {
            log.warn("A listener failed on VerdictEventsLost", e);
        } finally {
            noticePending.set(false);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
