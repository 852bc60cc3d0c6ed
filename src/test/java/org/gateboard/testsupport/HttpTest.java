package org.gateboard.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;

/**
 * A test that talks real HTTP to the whole application on a random port, over the same database as
 * {@link DatabaseTest}. All such tests share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HttpTest {

    @LocalServerPort
    protected int port;

    protected URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
