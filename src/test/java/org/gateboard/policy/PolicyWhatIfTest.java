package org.gateboard.policy;

import org.gateboard.base.Role;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.policy.PolicyTesting.params;
import static org.gateboard.policy.PolicyTesting.signIn;

@ExtendWith(NoticeBaseline.class)
class PolicyWhatIfTest extends DatabaseTest {

    /** A day no other test writes verdicts for. */
    private static final LocalDate DAY = LocalDate.of(2021, 3, 1);

    @Autowired
    private PolicyWhatIf whatIf;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aLowerThresholdCountsExactlyThePeopleItWouldHaveRefusedByVenueReasonAndRole() {
        VerdictFixture fixture = new VerdictFixture(context);
        TestVenue a = fixture.newVenue("测试区", 1);
        TestVenue b = fixture.newVenue("测试区", 1);
        List<Object[]> rows = new ArrayList<>();
        // admitted under version 1 (37.3), refused under 37.0
        rows.addAll(verdicts(a, 12, "37.1", "GREEN", true, "BIDDER", "ADMITTED"));
        rows.addAll(verdicts(a, 3, "37.0", "GREEN", true, "EXPERT", "ADMITTED"));
        rows.addAll(verdicts(b, 5, "37.2", "GREEN", true, "BIDDER", "ADMITTED"));
        // unaffected: cooler, already refused, or refused for another reason
        rows.addAll(verdicts(a, 20, "36.9", "GREEN", true, "BIDDER", "ADMITTED"));
        rows.addAll(verdicts(a, 4, "37.6", "GREEN", true, "AGENT", "REFUSED"));
        rows.addAll(verdicts(b, 2, "37.1", "RED", true, "AGENT", "REFUSED"));
        // a masked-less person at 37.1: refused already for NO_MASK, so not "different"
        rows.addAll(verdicts(b, 1, "37.1", "GREEN", false, "STAFF", "REFUSED"));
        insert(rows);

        signIn("official", Role.OFFICIAL);
        WhatIf w = whatIf.replay(null, params("37.0", true, true, "GREEN"), DAY);

        assertThat(w.verdicts()).isEqualTo(47);
        assertThat(w.newlyRefused()).isEqualTo(20);
        assertThat(w.newlyAdmitted()).isZero();
        assertThat(w.changed()).isEqualTo(20);
        assertThat(w.newlyRefusedByReason()).isEqualTo(Map.of("FEVER", 20L));
        assertThat(w.newlyRefusedByRole()).isEqualTo(Map.of("BIDDER", 17L, "EXPERT", 3L));
        assertThat(w.byVenue()).filteredOn(v -> v.venueId() == a.id()).singleElement()
                .satisfies(v -> assertThat(v.newlyRefused()).isEqualTo(15));
        assertThat(w.byVenue()).filteredOn(v -> v.venueId() == b.id()).singleElement()
                .satisfies(v -> assertThat(v.newlyRefused()).isEqualTo(5));

        // a venue draft replays that venue only; admitting YELLOW there would be looser, so try no mask rule
        WhatIf venueOnly = whatIf.replay(b.id(), params("37.0", true, true, "GREEN"), DAY);
        assertThat(venueOnly.verdicts()).isEqualTo(8);
        assertThat(venueOnly.newlyRefused()).isEqualTo(5);

        WhatIf looser = whatIf.replay(null, params("37.3", true, false, "GREEN"), DAY);
        assertThat(looser.newlyAdmitted()).isEqualTo(1);
        assertThat(looser.newlyAdmittedByReason()).isEqualTo(Map.of("NO_MASK", 1L));
        assertThat(looser.newlyAdmittedByRole()).isEqualTo(Map.of("STAFF", 1L));
    }

    private static List<Object[]> verdicts(TestVenue v, int n, String temperature, String color, boolean mask,
                                           String role, String outcome) {
        List<Object[]> rows = new ArrayList<>();
        Timestamp at = Timestamp.from(DAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            rows.add(new Object[]{ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).array(), v.id(), v.gate(0).id(), v.device(0).id(), at, at,
                    outcome, color, mask, new BigDecimal(temperature), role});
        }
        return rows;
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO verdict (id, venue_id, gate_id, device_id, scanned_at, received_at, outcome,"
                + " code_color, photo_on_code, id_checked, mask_worn, temperature_c, person_role, policy_version)"
                + " VALUES (?,?,?,?,?,?,?,?,TRUE,FALSE,?,?,?,1)", rows);
    }
}
