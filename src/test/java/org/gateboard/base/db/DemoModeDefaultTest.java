package org.gateboard.base.db;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode, when not asked for either way, is on with the embedded database and off with a configured one. */
class DemoModeDefaultTest {

    private static String demoAfterStartUp(MockEnvironment env) {
        new EmbeddedDatabaseEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty("gateboard.demo.enabled");
    }

    private static MockEnvironment configuredDatabase() {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3306/gateboard");
    }

    /** As the tests' own profile: the JVM's one embedded server, which this may start or reuse. */
    private static MockEnvironment embeddedDatabase() {
        return new MockEnvironment().withProperty("gateboard.embedded-db.dir", "target/embedded-mariadb")
                .withProperty("gateboard.embedded-db.fresh", "true");
    }

    @Test
    void aConfiguredDatabaseGetsNoDemoUnlessAskedFor() {
        assertThat(demoAfterStartUp(configuredDatabase())).isEqualTo("false");
        assertThat(demoAfterStartUp(configuredDatabase().withProperty("GATEBOARD_DB_URL", "x"))).isEqualTo("false");
        MockEnvironment viaVariable = new MockEnvironment().withProperty("GATEBOARD_DB_URL", "jdbc:mariadb://db:3306/g");
        assertThat(demoAfterStartUp(viaVariable)).isEqualTo("false");
    }

    @Test
    void aConfiguredDatabaseGetsDemoWhenAskedForExplicitly() {
        assertThat(demoAfterStartUp(configuredDatabase().withProperty("gateboard.demo.enabled", "true")))
                .isEqualTo("true");
    }

    @Test
    void theEmbeddedDatabaseGetsDemoUnlessTurnedOff() {
        assertThat(demoAfterStartUp(embeddedDatabase())).isEqualTo("true");
        assertThat(demoAfterStartUp(embeddedDatabase().withProperty("gateboard.demo.enabled", "false")))
                .isEqualTo("false");
    }
}
