package org.gateboard.testsupport;

import org.gateboard.Application;
import org.gateboard.base.db.EmbeddedDatabase;
import org.gateboard.base.db.EmbeddedReplica;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second node of the application in the test JVM: a Spring context of its own, on a port of its own, on the
 * same MariaDB as every {@link DatabaseTest} (the first node), and reading its heavy reads from a replica of that
 * database when it is the embedded one. Started on first use, after the first node; kept for the JVM like it.
 */
public final class SecondNode {

    private static ConfigurableApplicationContext context;
    private static EmbeddedReplica replica;

    private SecondNode() {
    }

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            // a port of its own (the security chains need the web stack); nothing in the tests calls it yet
            List<String> properties = new ArrayList<>();
            if (EmbeddedDatabase.isRunningHere()) {
                if (replica == null) {
                    replica = EmbeddedReplica.follow(Path.of("target/embedded-replica").toAbsolutePath());
                }
                properties.add("gateboard.db.replica.url=" + replica.jdbcUrl());
                properties.add("gateboard.db.replica.username=" + replica.username());
                properties.add("gateboard.db.replica.password=" + replica.password());
                // tests stop the replica and wait for the node to use it again
                properties.add("gateboard.db.replica.retry-after=1s");
            }
            context = start(properties.toArray(String[]::new));
        }
        return context;
    }

    /**
     * Another node, with these properties besides the test profile's, on a port of its own and the same
     * database; the caller closes it.
     */
    public static ConfigurableApplicationContext start(String... properties) {
        // starting, it makes its own holder of the signed-in person the global one (see ApplicationTest):
        // the first node's tests keep theirs
        SecurityContextHolderStrategy firstNodes = SecurityContextHolder.getContextHolderStrategy();
        try {
            return new SpringApplicationBuilder(Application.class)
                    .profiles("test")
                    .properties(properties)
                    // as arguments: above application.properties' server.port, so never a fixed port
                    .run("--server.port=0", "--spring.jmx.enabled=false");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(firstNodes);
        }
    }

    /** The base URL of a node's web server. */
    public static String url(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    /** The second node's replica: present when the tests run on the embedded database. */
    public static synchronized Optional<EmbeddedReplica> replica() {
        context();
        return Optional.ofNullable(replica);
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }
}
