package org.gateboard.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test with the whole application on a real MariaDB: the embedded one (fresh per test JVM) or the
 * server named by GATEBOARD_TEST_DB_URL. All such tests share one Spring context.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class DatabaseTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext springContext;

    /**
     * Vaadin's security set-up makes each Spring context's strategy the global one when the context starts,
     * so with a second context in the JVM (real-HTTP tests beside the mock-web ones) the global holder may
     * belong to the other context. Each test points it back at its own context's strategy.
     */
    @org.junit.jupiter.api.BeforeEach
    void useThisContextsSecurityContextHolder() {
        springContext.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifUnique(org.springframework.security.core.context.SecurityContextHolder::setContextHolderStrategy);
    }
}
