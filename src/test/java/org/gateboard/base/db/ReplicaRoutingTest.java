package org.gateboard.base.db;

import org.flywaydb.core.Flyway;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.SecondNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A node with a read replica ({@code gateboard.db.replica.url}): the reads marked with {@link ReplicaReads} are
 * answered by the replica, a real MariaDB following the test database by GTID replication; everything else,
 * read-write transactions and Flyway among it, by the primary; with the replica stopped the marked reads are
 * answered by the primary, without an error, and by the replica again once it is back.
 */
class ReplicaRoutingTest extends DatabaseTest {

    private static final long PRIMARY = 1;
    private static final long REPLICA = 2;

    private EmbeddedReplica replica;
    private JdbcTemplate node;
    private TransactionTemplate readWrite;
    private TransactionTemplate readOnly;

    @BeforeEach
    void secondNode() throws InterruptedException {
        assumeTrue(EmbeddedDatabase.isRunningHere(), "a replica is started only for the embedded test database");
        replica = SecondNode.replica().orElseThrow();
        node = SecondNode.bean(JdbcTemplate.class);
        readWrite = new TransactionTemplate(SecondNode.bean(PlatformTransactionManager.class));
        readOnly = new TransactionTemplate(SecondNode.bean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        awaitReplicaServing();
    }

    @Test
    void markedReadsGoToTheReplicaAndEverythingElseToThePrimary() {
        assertThat(serverId()).as("unmarked").isEqualTo(PRIMARY);
        assertThat(inTransaction(readOnly, this::serverId)).as("a read-only transaction, unmarked").isEqualTo(PRIMARY);

        assertThat(marked(this::serverId)).as("marked").isEqualTo(REPLICA);
        assertThat(marked(() -> inTransaction(readOnly, this::serverId))).as("marked, read-only transaction")
                .isEqualTo(REPLICA);
        assertThat(marked(() -> inTransaction(readWrite, this::serverId)))
                .as("a read-write transaction inside a marked read").isEqualTo(PRIMARY);
        assertThat(inTransaction(readWrite, () -> marked(this::serverId)))
                .as("a marked read inside a read-write transaction").isEqualTo(PRIMARY);
    }

    @Test
    void flywayMigratesThePrimaryAndTheReplicaGetsTheSchemaByReplication() throws Exception {
        Flyway flyway = SecondNode.bean(Flyway.class);
        try (Connection c = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true))
                    .queryForObject("SELECT @@server_id", Long.class)).isEqualTo(PRIMARY);
        }
        replica.awaitCaughtUp(Duration.ofMinutes(1));
        String latest = "SELECT MAX(installed_rank) FROM flyway_schema_history";
        assertThat(ReplicaReads.read(() -> node.queryForObject(latest, Integer.class)))
                .isEqualTo(node.queryForObject(latest, Integer.class));
    }

    @Test
    void whatThePrimaryStoresTheReplicaAnswersOnceItHasCaughtUp() {
        String code = "R" + UUID.randomUUID().toString().substring(0, 8);
        node.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, UTC_TIMESTAMP(3),"
                + " UTC_TIMESTAMP(3), 'replica-test')", code);
        replica.awaitCaughtUp(Duration.ofMinutes(1));

        assertThat(ReplicaReads.read(() -> node.queryForObject("SELECT locked_by FROM shedlock WHERE name = ?",
                String.class, code))).isEqualTo("replica-test");
        node.update("DELETE FROM shedlock WHERE name = ?", code);
    }

    @Test
    void aWriteInsideAMarkedReadFailsRatherThanReachTheReplica() {
        try {
            assertThatThrownBy(() -> ReplicaReads.run(() -> node.update("INSERT INTO shedlock (name, lock_until,"
                    + " locked_at, locked_by) VALUES ('never', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'replica-test')")))
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("read only"));
            replica.awaitCaughtUp(Duration.ofMinutes(1));
            assertThat(marked(() -> node.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'never'",
                    Long.class))).isZero();
        } finally {
            node.update("DELETE FROM shedlock WHERE name = 'never'");
        }
    }

    @Test
    void withTheReplicaStoppedMarkedReadsAreAnsweredByThePrimaryUntilItIsBack() throws Exception {
        replica.stop();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(marked(this::serverId)).isEqualTo(PRIMARY);
            }
        } finally {
            replica.start();
        }
        awaitReplicaServing();
        replica.awaitCaughtUp(Duration.ofMinutes(1));
    }

    /** Until the node answers marked reads from the replica again (it tries once its retry period is over). */
    private void awaitReplicaServing() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (marked(this::serverId) != REPLICA) {
            assertThat(System.nanoTime()).as("marked reads on the replica within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long inTransaction(TransactionTemplate tx, Supplier<Long> read) {
        return tx.execute(status -> read.get());
    }

    private static long marked(Supplier<Long> read) {
        return ReplicaReads.read(read);
    }

    private long serverId() {
        return node.queryForObject("SELECT @@server_id", Long.class);
    }
}
