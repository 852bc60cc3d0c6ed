package org.gateboard.audit;

import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain is shared by every test: each tampering here is undone in a finally block, so the
 * other tests (and the next run on a kept database) still see an intact chain.
 */
class AuditChainTest extends DatabaseTest {

    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void chainStartsIntact() {
        // reading the trail is the admins' (the service checks the role itself)
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        assertThat(audit.verifyChain().intact()).as("chain intact before the test").isTrue();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachEntryCarriesTheHashOfTheOneBefore() {
        long first = record("one");
        long second = record("two");

        Map<String, Object> secondRow = row(second);
        String predecessorHash = jdbc.queryForObject(
                "SELECT hash FROM audit_entry WHERE id < ? ORDER BY id DESC LIMIT 1", String.class, second);
        assertThat(secondRow.get("prev_hash")).isEqualTo(predecessorHash);
        assertThat(first).isLessThan(second);
        AuditChainReport report = audit.verifyChain();
        assertThat(report.intact()).isTrue();
        assertThat(report.checkedEntries()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void editingAnEntryInTheDatabaseIsDetected() {
        long victim = record("edit-me");
        record("after");
        String original = (String) row(victim).get("after_json");
        try {
            jdbc.update("UPDATE audit_entry SET after_json = '{\"label\":\"forged\"}' WHERE id = ?", victim);

            AuditChainReport report = audit.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenEntryId()).contains(victim);
            assertThat(report.problem()).isEqualTo("content");
        } finally {
            jdbc.update("UPDATE audit_entry SET after_json = ? WHERE id = ?", original, victim);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void editingAnEntryAndRecomputingItsHashBreaksTheLinkToTheNext() {
        long victim = record("edit-me-cleverly");
        long next = record("after");
        Map<String, Object> original = row(victim);
        try {
            String forgedAfter = "{\"label\":\"forged\"}";
            String forgedHash = AuditService.hash((String) original.get("prev_hash"),
                    ((java.sql.Timestamp) original.get("occurred_at")).toInstant(), (String) original.get("actor"),
                    (String) original.get("entity_type"), (String) original.get("entity_id"),
                    (String) original.get("action"), (String) original.get("before_json"), forgedAfter);
            jdbc.update("UPDATE audit_entry SET after_json = ?, hash = ? WHERE id = ?", forgedAfter, forgedHash,
                    victim);

            AuditChainReport report = audit.verifyChain();
            assertThat(report.firstBrokenEntryId()).contains(next);
            assertThat(report.problem()).isEqualTo("link");
        } finally {
            jdbc.update("UPDATE audit_entry SET after_json = ?, hash = ? WHERE id = ?", original.get("after_json"),
                    original.get("hash"), victim);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void deletingAnEntryFromTheMiddleIsDetected() {
        record("before");
        long middle = record("middle");
        long after = record("after");
        Map<String, Object> deleted = row(middle);
        try {
            jdbc.update("DELETE FROM audit_entry WHERE id = ?", middle);

            AuditChainReport report = audit.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenEntryId()).contains(after);
            assertThat(report.problem()).isEqualTo("link");
        } finally {
            List<String> columns = List.of("id", "occurred_at", "actor", "entity_type", "entity_id", "action",
                    "before_json", "after_json", "prev_hash", "hash");
            jdbc.update("INSERT INTO audit_entry (" + String.join(",", columns) + ") VALUES (?,?,?,?,?,?,?,?,?,?)",
                    columns.stream().map(deleted::get).toArray());
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void recordingAnswersTheEntrysPlaceInTheChain() {
        String marker = UUID.randomUUID().toString();
        AuditPosition first = audit.recordAs("audit-test", "audit-test", marker, "check", null, Map.of("label", "a"));
        AuditPosition second = audit.recordAs("audit-test", "audit-test", marker, "check", null, Map.of("label", "b"));

        assertThat(row(first.id())).containsEntry("entity_id", marker).containsEntry("hash", first.hash());
        assertThat((String) row(first.id()).get("after_json")).contains("\"a\"");
        assertThat(jdbc.queryForObject("SELECT occurred_at FROM audit_entry WHERE id = ?", java.sql.Timestamp.class,
                first.id()).toInstant()).isEqualTo(first.occurredAt());
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(row(second.id())).containsEntry("prev_hash", first.hash());
    }

    @Test
    void theLatestEntriesComeNewestFirst() {
        long id = record("newest");
        List<AuditEntry> latest = audit.latest(1, 0);
        assertThat(latest).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.actor()).isEqualTo("audit-test");
            assertThat(e.afterJson()).contains("newest");
        });
    }

    /** Writes an entry and answers its id. */
    private long record(String label) {
        String marker = UUID.randomUUID().toString();
        audit.recordAs("audit-test", "audit-test", marker, "check", null, Map.of("label", label));
        return jdbc.queryForObject("SELECT id FROM audit_entry WHERE entity_type = 'audit-test' AND entity_id = ?",
                Long.class, marker);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT * FROM audit_entry WHERE id = ?", id);
    }
}
