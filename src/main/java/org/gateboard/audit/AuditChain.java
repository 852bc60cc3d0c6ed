package org.gateboard.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Walks the whole chain in id order and reports the first entry that does not fit. No role check here: the
 * command-line check runs it with nobody signed in; people reach it through {@link AuditService#verifyChain()}.
 */
@Component
class AuditChain {

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    AuditChainReport verify() {
        String[] expectedPrev = {AuditService.GENESIS};
        long[] checked = {0};
        Long[] broken = {null};
        String[] problem = {null};
        jdbc.query("SELECT id, occurred_at, actor, entity_type, entity_id, action, before_json, after_json,"
                + " prev_hash, hash FROM audit_entry ORDER BY id", rs -> {
            if (broken[0] != null) {
                return;
            }
            long id = rs.getLong(1);
            String prev = rs.getString(9);
            String stored = rs.getString(10);
            String recomputed = AuditService.hash(prev, rs.getTimestamp(2).toInstant(), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
            checked[0]++;
            if (!prev.equals(expectedPrev[0])) {
                broken[0] = id;
                problem[0] = "link";
            } else if (!recomputed.equals(stored)) {
                broken[0] = id;
                problem[0] = "content";
            }
            expectedPrev[0] = stored;
        });
        return new AuditChainReport(checked[0], Optional.ofNullable(broken[0]), problem[0]);
    }
}
