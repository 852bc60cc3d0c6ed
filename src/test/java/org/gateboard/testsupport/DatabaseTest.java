package org.gateboard.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test with the whole application on a real MariaDB: the embedded one (fresh per test JVM) or the
 * server named by GATEBOARD_TEST_DB_URL. All such tests share one Spring context.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class DatabaseTest extends ApplicationTest {
}
