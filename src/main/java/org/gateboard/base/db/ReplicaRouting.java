package org.gateboard.base.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import java.time.Duration;
import java.util.Map;

/**
 * With {@code gateboard.db.replica.url} set, the application's one DataSource routes: every statement goes to
 * the primary, except those inside {@link ReplicaReads#read} (outside a read-write transaction), which go to the
 * replica, or to the primary while the replica does not answer ({@link ReplicaOrPrimary}). The connection is
 * chosen at the first statement, not when a transaction begins ({@link LazyConnectionDataSourceProxy}), so the
 * transaction's read-only flag is known by then. Flyway, the lock of jobs that run once, and everything else
 * use the primary. Without the property Spring Boot builds its usual single pool and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("gateboard.db.replica.url")
class ReplicaRouting {

    private static final String PRIMARY = "primary";
    private static final String REPLICA = "replica";

    @Bean
    Routed dataSource(DataSourceProperties properties, Environment env, ObjectProvider<MeterRegistry> meters) {
        Binder binder = Binder.get(env);
        // the primary as Spring Boot would build it: spring.datasource.* and spring.datasource.hikari.*
        HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        primary.setPoolName(PRIMARY);
        binder.bind("spring.datasource.hikari", Bindable.ofInstance(primary));

        // the replica: the same pool settings and driver properties (UTC sessions), its own address, read-only
        // connections, a short wait for a connection, and it may be down when the application starts
        HikariDataSource replica = new HikariDataSource();
        binder.bind("spring.datasource.hikari", Bindable.ofInstance(replica));
        replica.setPoolName(REPLICA);
        replica.setJdbcUrl(env.getRequiredProperty("gateboard.db.replica.url"));
        replica.setUsername(env.getProperty("gateboard.db.replica.username", primary.getUsername()));
        replica.setPassword(env.getProperty("gateboard.db.replica.password", primary.getPassword()));
        // read-only sessions: a write that strays into a replica read fails instead of reaching the copy (the
        // driver's setReadOnly sends nothing to a single server, so the session is set explicitly)
        replica.setReadOnly(true);
        replica.setConnectionInitSql("SET SESSION TRANSACTION READ ONLY");
        replica.setConnectionTimeout(env.getProperty("gateboard.db.replica.connection-timeout", Duration.class,
                Duration.ofSeconds(1)).toMillis());
        replica.setInitializationFailTimeout(-1);
        binder.bind("gateboard.db.replica.hikari", Bindable.ofInstance(replica));
        // Spring Boot instruments the pool it finds behind the DataSource bean (the primary); this one by hand
        meters.ifAvailable(registry -> replica.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));

        Duration retryAfter = env.getProperty("gateboard.db.replica.retry-after", Duration.class, Duration.ofSeconds(10));
        AbstractRoutingDataSource routing = new AbstractRoutingDataSource() {
            @Override
            protected Object determineCurrentLookupKey() {
                return ReplicaReads.routedToReplica() ? REPLICA : PRIMARY;
            }
        };
        routing.setTargetDataSources(Map.of(PRIMARY, primary, REPLICA, new ReplicaOrPrimary(replica, primary, retryAfter)));
        routing.setDefaultTargetDataSource(primary);
        routing.setLenientFallback(false);
        routing.afterPropertiesSet();
        return new Routed(routing, primary, replica);
    }

    /** The DataSource bean: lazy connections over the routing; closing it closes both pools. */
    static final class Routed extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final HikariDataSource primary;
        private final HikariDataSource replica;

        Routed(AbstractRoutingDataSource routing, HikariDataSource primary, HikariDataSource replica) {
            super(routing);
            this.primary = primary;
            this.replica = replica;
        }

        @Override
        public void close() {
            replica.close();
            primary.close();
        }
    }
}
