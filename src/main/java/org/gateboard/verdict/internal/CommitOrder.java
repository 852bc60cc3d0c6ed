package org.gateboard.verdict.internal;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Numbers this node's committed batches and lets a reader of the tallies tell which numbers its snapshot
 * holds. A batch's transaction, which takes its number ({@link #next()}) before it commits, runs under the
 * shared side of a lock; a snapshot is opened, and the last number read, under the exclusive side. So every
 * batch numbered up to that last number committed before the snapshot (it is in it) and every later number
 * commits after (it is not). A batch rolled back leaves a gap in the numbers, which nobody minds. Waiting
 * for the exclusive side stalls new batches only for as long as the ones in flight take, once per recount.
 */
@Component
public class CommitOrder {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong last = new AtomicLong();

    /** Runs a batch's transaction (commit included); inside it, {@link #next()} numbers the batch. */
    <T> T commit(Supplier<T> transaction) {
        lock.readLock().lock();
        try {
            return transaction.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of the batch whose transaction is running on this thread (inside {@link #commit}). */
    long next() {
        if (lock.getReadHoldCount() == 0) {
            throw new IllegalStateException("A batch is numbered only inside its transaction");
        }
        return last.incrementAndGet();
    }

    /**
     * Runs {@code open} (which must open the snapshot) while no batch is between its transaction and its
     * number, and answers the last number, or empty when batches in flight took longer than {@code wait}
     * (a database in trouble).
     */
    public Optional<Long> openSnapshot(Runnable open, Duration wait) {
        try {
            if (!lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            open.run();
            return Optional.of(last.get());
        } finally {
            lock.writeLock().unlock();
        }
    }
}
