package org.gateboard.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.function.IntConsumer;

/**
 * The audit chain check as a command, for cron or a deployment pipeline:
 * {@code java -jar gateboard.jar --gateboard.audit.verify-and-exit=true} verifies the chain, prints the
 * result and exits with 0 (intact) or 1 (broken).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "gateboard.audit.verify-and-exit", havingValue = "true")
class AuditChainCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditChainCheck.class);

    private final AuditChain chain;
    private final IntConsumer exit;

    @Autowired
    AuditChainCheck(AuditChain chain, ApplicationContext context) {
        this(chain, code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    AuditChainCheck(AuditChain chain, IntConsumer exit) {
        this.chain = chain;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditChainReport report = chain.verify();
        if (report.intact()) {
            log.info("Audit chain intact: {} entries checked", report.checkedEntries());
            exit.accept(0);
        } else {
            log.error("Audit chain BROKEN at entry {} ({}): {} entries checked up to there",
                    report.firstBrokenEntryId().orElseThrow(), report.problem(), report.checkedEntries());
            exit.accept(1);
        }
    }
}
