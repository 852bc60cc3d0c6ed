package org.gateboard.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** What every test of the whole application shares, whichever Spring context it runs in. */
@Import({AsyncListeners.Config.class, VerdictEventsProbe.Config.class})
abstract class ApplicationTest {

    @Autowired
    private ApplicationContext springContext;

    /**
     * Vaadin's security set-up makes each Spring context's strategy the global one when the context starts,
     * so with a second context in the JVM (real-HTTP tests beside the mock-web ones) the global holder may
     * belong to the other context. Each test points it back at its own context's strategy.
     */
    @BeforeEach
    void useThisContextsSecurityContextHolder() {
        springContext.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}
