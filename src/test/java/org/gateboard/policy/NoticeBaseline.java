package org.gateboard.policy;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For tests that change the policy: each starts and ends with the notice's baseline alone in force
 * ({@link PolicyTesting#resetPolicies}), as every other test of the JVM, which shares the database, expects.
 */
public final class NoticeBaseline implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        reset(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset(context);
    }

    private static void reset(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        PolicyTesting.resetPolicies(spring.getBean(JdbcTemplate.class), spring.getBean(PolicyService.class));
    }
}
