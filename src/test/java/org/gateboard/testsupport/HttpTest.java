package org.gateboard.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application behind a real HTTP port, on a real MariaDB. All such tests share one Spring
 * context (keep the annotations identical).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HttpTest {

    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
