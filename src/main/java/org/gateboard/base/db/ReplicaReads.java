package org.gateboard.base.db;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * Marks heavy reads that may be answered by the read replica (refusal search and export, past days, "what if",
 * the audit chain check): {@code ReplicaReads.read(() -> ...)}. With a replica configured
 * ({@code gateboard.db.replica.url}, see {@link ReplicaRouting}) the statements run inside go to it: outside a
 * transaction, or in a read-only one; a read-write transaction stays on the primary whatever its caller. Without
 * a replica, or while it does not answer, they go to the primary as every other statement does.
 * <p>
 * A replica lags behind the primary (usually milliseconds, seconds under a heavy load), so only reads that may
 * miss the last moments belong here: never today's live figures, sign-in, tokens or the registry, and nothing
 * whose answer is cached for others. Nothing inside may write: replica connections are read-only.
 */
public final class ReplicaReads {

    /** How deep this thread is in {@link #read} calls; unset outside them (the usual case costs nothing). */
    private static final ThreadLocal<Integer> DEPTH = new ThreadLocal<>();

    private ReplicaReads() {
    }

    /** Runs {@code read} with its statements routed to the replica, when there is one. */
    public static <T> T read(Supplier<T> read) {
        Integer outer = DEPTH.get();
        DEPTH.set(outer == null ? 1 : outer + 1);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                DEPTH.remove();
            } else {
                DEPTH.set(outer);
            }
        }
    }

    /** As {@link #read(Supplier)}, for a read that hands its rows on rather than returning them. */
    public static void run(Runnable read) {
        read(() -> {
            read.run();
            return null;
        });
    }

    /**
     * Whether a connection taken now should come from the replica: inside {@link #read}, and not in a read-write
     * transaction (which keeps the primary, so a write never reaches the replica).
     */
    static boolean routedToReplica() {
        if (DEPTH.get() == null) {
            return false;
        }
        return !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
