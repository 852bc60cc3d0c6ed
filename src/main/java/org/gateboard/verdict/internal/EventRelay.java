package org.gateboard.verdict.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the verdict feature's events on a thread of its own, after the data they describe is
 * committed, so that no listener (the live dashboard, say) ever holds up a device's request. Listeners
 * therefore receive them outside any transaction: use {@code @EventListener}. If listeners fall so far
 * behind that the queue fills, events are dropped and counted rather than slowing ingestion; the stored
 * verdicts stay the truth and can be recounted.
 */
@Component
public class EventRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    static final int QUEUE_CAPACITY = 10_000;

    private final ApplicationEventPublisher publisher;
    private final ThreadPoolExecutor executor;
    private final Counter dropped;

    EventRelay(ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> {
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
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
