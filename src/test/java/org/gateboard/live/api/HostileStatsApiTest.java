package org.gateboard.live.api;

import org.gateboard.testsupport.HostileInput;
import org.gateboard.testsupport.HttpTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile-input campaign on the stats API: any query string is a 200 or a 400, within a second. */
class HostileStatsApiTest extends HttpTest {

    private static final String OFFICIAL = "Basic " + Base64.getEncoder()
            .encodeToString("official:official123".getBytes(StandardCharsets.UTF_8));

    private final HostileInput hostile = new HostileInput(20200226);

    @Test
    void mutatedDatesAndParametersAreAnswered200Or400() {
        int ok = 0;
        for (int i = 0; i < 100; i++) {
            String date = i % 10 == 0 ? "2020-02-24" : hostile.anyText();
            if (hostile.random.nextBoolean() && date.length() > 2) {
                StringBuilder b = new StringBuilder(date);
                b.setCharAt(hostile.random.nextInt(b.length()), (char) (32 + hostile.random.nextInt(0x3000)));
                date = b.toString();
            }
            String query = "?date=" + URLEncoder.encode(date, StandardCharsets.UTF_8)
                    + (hostile.random.nextInt(4) == 0 ? "&date=2020-02-25&venue=" + URLEncoder.encode(
                    hostile.anyText(), StandardCharsets.UTF_8) : "");
            HttpResponse<String> r = hostile.send(HttpRequest.newBuilder(url("/api/v1/stats/venues" + query))
                    .header("Authorization", OFFICIAL).header("Accept", "application/json").GET());
            assertThat(r.statusCode()).as(query + ": " + r.body()).isIn(200, 400);
            ok += r.statusCode() == 200 ? 1 : 0;
        }
        assertThat(ok).isPositive();
        hostile.report("stats API", HostileInput.BASIC_AUTH_BOUND);
    }
}
