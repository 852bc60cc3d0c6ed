package org.gateboard.security;

import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of failed sign-ins past the window works on rows every node shares: two nodes on one database run
 * it one at a time, at most once a minute between them, whichever node's timer fires.
 */
class LoginFailurePurgeOnOneNodeTest extends DatabaseTest {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void afterOneNodePurgedNeitherPurgesAgainWithinTheMinuteThenTheOtherDoes() throws Exception {
        LoginThrottle other = SecondNode.bean(LoginThrottle.class);
        // no node holds the lock now (as a minute after the last purge)
        freeLock();

        String first = staleFailure();
        bothAtOnce(throttle, other);
        assertThat(exists(first)).as("purged by one of them").isFalse();

        String second = staleFailure();
        bothAtOnce(throttle, other);
        assertThat(exists(second)).as("neither purged again while the lock is held").isTrue();

        freeLock();
        other.purge();
        assertThat(exists(second)).as("the other node purges once the lock is free").isFalse();
    }

    /** A failed sign-in an hour old, well past the 15-minute window, under a name of its own. */
    private String staleFailure() {
        String name = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO login_failure (occurred_at, username, client_address) VALUES (?, ?, '192.0.2.1')",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), name);
        return name;
    }

    private boolean exists(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE username = ?", Integer.class, name) == 1;
    }

    private static void bothAtOnce(LoginThrottle a, LoginThrottle b) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> runs = List.of(a, b).stream().map(node -> CompletableFuture.runAsync(() -> {
                try {
                    together.await(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                node.purge();
            }, nodes)).toList();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
        } finally {
            nodes.shutdown();
        }
    }

    /** As once the lock's time is up (ShedLock keeps the row, so it is moved on rather than deleted). */
    private void freeLock() {
        jdbc.update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'login-failure-purge'");
    }
}
