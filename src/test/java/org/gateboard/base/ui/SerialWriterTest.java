package org.gateboard.base.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SerialWriterTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void eachConnectionsWritesRunInOrderAndNeverSideBySide() throws Exception {
        int connections = 20;
        int messages = 2_000;
        List<List<Integer>> written = new ArrayList<>();
        List<SerialWriter> writers = new ArrayList<>();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(connections * messages);
        for (int c = 0; c < connections; c++) {
            written.add(new ArrayList<>());
            writers.add(new SerialWriter(pool));
        }
        // the connections' messages are given at the same time, each connection's by one thread, as Atmosphere's
        // dispatch gives them
        ExecutorService producers = Executors.newFixedThreadPool(connections);
        try {
            for (int c = 0; c < connections; c++) {
                int connection = c;
                AtomicInteger inside = new AtomicInteger();
                producers.execute(() -> {
                    for (int m = 0; m < messages; m++) {
                        int message = m;
                        writers.get(connection).submit(() -> {
                            if (inside.incrementAndGet() != 1) {
                                overlapped.set(true);
                            }
                            written.get(connection).add(message); // not thread-safe: a second writer would show
                            inside.decrementAndGet();
                            done.countDown();
                        });
                    }
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).as("every write ran").isTrue();
        } finally {
            producers.shutdownNow();
        }
        assertThat(overlapped).as("two writes of one connection ran at once").isFalse();
        for (List<Integer> w : written) {
            assertThat(w).hasSize(messages).isSorted();
        }
    }

    /**
     * The reason the writer exists: Atmosphere's own keeps its thread 100 ms after each message, so one thread
     * wrote ten connections' messages a second. Here one thread writes a thousand connections' in far less
     * than the hundred seconds that would take.
     */
    @Test
    void theThreadGoesBackAsSoonAsAConnectionHasNothingToWrite() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            int connections = 1_000;
            CountDownLatch done = new CountDownLatch(connections);
            for (int c = 0; c < connections; c++) {
                new SerialWriter(one).submit(done::countDown);
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).as("a thousand connections written by one thread").isTrue();
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aFailedWriteDoesNotStopTheNext() throws Exception {
        SerialWriter writer = new SerialWriter(pool);
        CountDownLatch next = new CountDownLatch(1);
        writer.submit(() -> {
            throw new IllegalStateException("socket closed");
        });
        writer.submit(next::countDown);
        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
