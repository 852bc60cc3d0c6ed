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
 * holds. A batch's transaction and the taking of its number happen under the shared side of a lock; a
 * snapshot is opened, and the last number read, under the exclusive side. So every batch numbered up to
 * that last number committed before the snapshot (it is in it) and every later number committed after
 * (it is not). Waiting for the exclusive side stalls new batches only for as long as the ones in flight
 * take, once per recount.
 */
@Component
public class CommitOrder {

    /** What a batch's work returned, and the batch's number (0 when it stored nothing new). */
    public record Numbered<T>(T result, long sequence) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong last = new AtomicLong();

    /** Runs a batch's transaction; numbers it when {@code stored} says it stored something. */
    <T> Numbered<T> commit(Supplier<T> transaction, java.util.function.Predicate<T> stored) {
        lock.readLock().lock();
        try {
            T result = transaction.get();
            return new Numbered<>(result, stored.test(result) ? last.incrementAndGet() : 0);
        } finally {
            lock.readLock().unlock();
        }
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
