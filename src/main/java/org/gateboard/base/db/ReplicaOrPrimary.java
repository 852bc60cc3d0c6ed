package org.gateboard.base.db;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Connections for the reads {@link ReplicaReads} marks: from the replica while it answers; from the primary
 * when it does not, and then for {@code retryAfter} before the replica is tried again, so that a replica that is
 * down costs one wait for a connection (the replica pool's short timeout) per period, not one per read. A read
 * already running on the replica when it goes away fails; the next one goes to the primary.
 */
final class ReplicaOrPrimary extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(ReplicaOrPrimary.class);

    private final HikariDataSource replica;
    private final DataSource primary;
    private final long retryAfterNanos;
    private volatile boolean down;
    private volatile long downSince;

    ReplicaOrPrimary(HikariDataSource replica, DataSource primary, Duration retryAfter) {
        super(replica);
        this.replica = replica;
        this.primary = primary;
        this.retryAfterNanos = retryAfter.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down && System.nanoTime() - downSince < retryAfterNanos) {
            return primary.getConnection();
        }
        Connection connection = null;
        String failure;
        try {
            connection = replica.getConnection();
            // the pool hands out a connection used in the last half second unchecked, and the replica may have
            // gone since: a ping now costs less than a read that fails
            failure = connection.isValid(1) ? null : "its connection no longer answers";
        } catch (SQLException e) {
            failure = e.getMessage();
        }
        if (failure == null) {
            if (down) {
                down = false;
                log.info("The read replica answers again; heavy reads go to it");
            }
            return connection;
        }
        if (connection != null) {
            replica.evictConnection(connection);
        }
        if (!down) {
            log.warn("The read replica does not answer ({}); heavy reads go to the primary, the replica is tried"
                    + " again every {} s", failure, retryAfterNanos / 1_000_000_000L);
        }
        downSince = System.nanoTime();
        down = true;
        return primary.getConnection();
    }
}
