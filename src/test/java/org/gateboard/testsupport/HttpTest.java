package org.gateboard.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port (and the same MariaDB as {@link DatabaseTest}), for tests over
 * real HTTP and in a real browser. All such tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HttpTest {

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

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
