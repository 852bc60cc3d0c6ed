package org.gateboard.audit;

import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainCheckTest extends DatabaseTest {

    @Autowired
    AuditService audit;
    @Autowired
    AuditChain chain;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCheckCommandExitsWithZeroWhenIntactAndOneWhenBroken() {
        AtomicInteger code = new AtomicInteger(-1);
        AuditChainCheck check = new AuditChainCheck(chain, code::set);
        check.run(null);
        assertThat(code).hasValue(0);

        String marker = UUID.randomUUID().toString();
        audit.recordAs("check-test", "check-test", marker, "check", null, Map.of("k", "v"));
        try {
            jdbc.update("UPDATE audit_entry SET action = 'forged' WHERE entity_id = ?", marker);
            check.run(null);
            assertThat(code).hasValue(1);
        } finally {
            jdbc.update("UPDATE audit_entry SET action = 'check' WHERE entity_id = ?", marker);
        }
        check.run(null);
        assertThat(code).hasValue(0);
    }
}
