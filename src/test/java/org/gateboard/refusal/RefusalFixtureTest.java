package org.gateboard.refusal;

import org.gateboard.security.UserService;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Refusal tests on a fresh venue with one gate (or {@link #gates()}), whose refusals are placed around 09:00
 * yesterday (Shanghai).
 */
abstract class RefusalFixtureTest extends DatabaseTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    PersonalVerdicts verdicts;
    TestVenue venue;
    Instant nineAm;

    @BeforeEach
    void venue() {
        verdicts = new PersonalVerdicts(context);
        venue = new VerdictFixture(context).newVenue("黄浦区", gates());
        nineAm = LocalDate.now(SHANGHAI).minusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant();
    }

    /** The venue's gates, each with a device. */
    int gates() {
        return 1;
    }
}
