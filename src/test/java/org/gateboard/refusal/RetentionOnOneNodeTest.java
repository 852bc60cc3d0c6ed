package org.gateboard.refusal;

import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.SecondNode;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.gateboard.base.Role;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.refusal.RefusalTestSupport.as;

/** The nightly retention run, scheduled on every node, runs on one: two nodes on one database, fired together. */
class RetentionOnOneNodeTest extends DatabaseTest {

    @Autowired
    RetentionService retention;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoNodesFiringTheNightlyRunTogetherMakeOneRun() throws Exception {
        RetentionService other = SecondNode.bean(RetentionService.class);
        // no node holds the lock now (as after a night in which the 10-minute hold has passed)
        freeLock();
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM retention_run", Long.class);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> runs = List.of(retention, other).stream()
                    .map(node -> CompletableFuture.runAsync(() -> {
                        await(together);
                        node.nightly();
                    }, nodes)).toList();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } finally {
            nodes.shutdown();
        }

        assertThat(jdbc.queryForList("SELECT triggered_by FROM retention_run WHERE id > ?", String.class, before))
                .containsExactly("system");
        assertThat(jdbc.queryForObject("SELECT lock_until > UTC_TIMESTAMP(3) FROM shedlock WHERE name = 'retention'",
                Boolean.class)).as("held for its 10 minutes after the run").isTrue();
    }

    @Test
    void runNowWhileAnotherNodeHoldsTheRunStartsNoSecondRun() {
        freeLock();
        LockProvider otherNode = SecondNode.bean(LockProvider.class);
        SimpleLock held = otherNode.lock(new LockConfiguration(Instant.now(), "retention", Duration.ofMinutes(5),
                Duration.ZERO)).orElseThrow();
        try {
            long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM retention_run", Long.class);
            as("admin", Role.ADMIN, retention::run);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retention_run WHERE id > ?", Long.class, before))
                    .as("the other node's run is the one").isZero();
        } finally {
            held.unlock();
        }
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM retention_run", Long.class);
        RetentionRun mine = as("admin", Role.ADMIN, retention::run);
        assertThat(mine.id()).as("with the lock free, run now runs").isGreaterThan(before);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** As once the lock's time is up (ShedLock keeps the row, so it is moved on rather than deleted). */
    private void freeLock() {
        jdbc.update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'retention'");
    }
}
