package org.gateboard.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused first start into Spring Boot's short "APPLICATION FAILED TO START" report instead of a
 * stack trace, so an operator sees at once which environment variable to set.
 */
class StartRefusedAnalyzer extends AbstractFailureAnalyzer<AccountBootstrap.StartRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AccountBootstrap.StartRefused cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set GATEBOARD_ADMIN_PASSWORD in the environment (or run with demo data on an embedded "
                        + "database, which is the default without the prod profile).", cause);
    }
}
