package org.gateboard.security;

import org.gateboard.testsupport.HttpTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's response headers, and the session cookie behind a TLS-terminating proxy. */
class WebSecurityHeadersTest extends HttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesCarryAContentSecurityPolicyVaadinWorksWithAndASameOriginReferrerPolicy() throws Exception {
        HttpResponse<String> login = get(HttpRequest.newBuilder(url("/login")));

        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                        "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndOverPlainHttpItIsNot() throws Exception {
        HttpResponse<String> proxied = get(HttpRequest.newBuilder(url("/login")).header("X-Forwarded-Proto", "https"));
        HttpResponse<String> plain = get(HttpRequest.newBuilder(url("/login")));

        assertThat(sessionCookie(proxied)).contains("Secure").contains("HttpOnly");
        assertThat(sessionCookie(plain)).doesNotContain("Secure");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    private HttpResponse<String> get(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
