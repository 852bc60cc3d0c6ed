package org.gateboard.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test with the whole application on a real MariaDB: the embedded one (fresh per test JVM) or the
 * server named by GATEBOARD_TEST_DB_URL. All such tests share one Spring context, whose clock a test may
 * move on ({@link TestClock}); it is back to the real time after each test.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
public abstract class DatabaseTest extends ApplicationTest {

    @Autowired
    protected TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }
}
