package org.gateboard.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;

/**
 * The whole application on a real port (and the same MariaDB as {@link DatabaseTest}), for tests over
 * real HTTP and in a real browser. All such tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HttpTest extends ApplicationTest {

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected URI url(String path) {
        return URI.create(baseUrl() + path);
    }
}
