package org.gateboard.base.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one connection's writes one at a time and in the order they were given, on a pool shared by all
 * connections, holding a pool thread only while the connection has writes waiting: the thread goes back to
 * the pool as soon as the queue is empty. (Atmosphere's own writer keeps it 100 ms longer in case another
 * message follows; see {@link PushBroadcaster}.)
 */
final class SerialWriter {

    private static final Logger log = LoggerFactory.getLogger(SerialWriter.class);

    private final Executor pool;
    private final Queue<Runnable> writes = new ConcurrentLinkedQueue<>();
    /** Writes given and not yet done: the one that raises it from 0 starts the drain, the drain ends at 0. */
    private final AtomicInteger pending = new AtomicInteger();

    SerialWriter(Executor pool) {
        this.pool = pool;
    }

    /** Queues a write; it runs after every write given before it, never beside one. */
    void submit(Runnable write) {
        writes.add(write);
        if (pending.getAndIncrement() == 0) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the pool is shutting down with the server: nothing will be written any more
                writes.clear();
                pending.set(0);
                throw e;
            }
        }
    }

    private void drain() {
        do {
            Runnable write = writes.poll();
            try {
                write.run();
            } catch (RuntimeException e) {
                log.debug("A push write failed; the next one is written all the same", e);
            }
        } while (pending.decrementAndGet() > 0);
    }
}
