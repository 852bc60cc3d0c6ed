package org.gateboard.verdict.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.PostingVenue;
import org.gateboard.verdict.StoredVerdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * A failure after the commit (here: the metrics) never turns a stored batch into an error answer: the
 * device would send the batch again. The batch still reaches the live counts, as its event was published in
 * the committed transaction.
 */
class AnswerAfterCommitTest extends HttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @MockitoSpyBean
    IngestionMetrics metrics;
    @Autowired
    ConfigurableApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopFailing() {
        reset(metrics);
    }

    @Test
    void aFailureAfterTheCommitStillAnswersTheCountsNotAnError() throws Exception {
        PostingVenue v = PostingVenue.create(context, baseUrl(), 1);
        doThrow(new DataAccessResourceFailureException("the database went away after the commit"))
                .when(metrics).record(anyLong(), anyInt(), anyInt(), anyInt());
        List<StoredVerdict> verdicts = v.batch(0, 5);

        HttpResponse<String> answer = post(v.tokens().get(0), verdicts);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("accepted").asInt()).isEqualTo(5);
        v.awaitAdmittedToday(baseUrl(), 5);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private HttpResponse<String> post(String token, List<StoredVerdict> verdicts) throws Exception {
        String body = "{\"verdicts\":[" + String.join(",", verdicts.stream().map(s ->
                "{\"id\":\"" + s.id() + "\",\"scannedAt\":\"" + s.scannedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                        + "\",\"outcome\":\"ADMITTED\",\"reasons\":[],\"codeColor\":\"GREEN\",\"channel\":\"APP\","
                        + "\"photoOnCode\":true,\"idChecked\":false,\"maskWorn\":true,\"temperatureC\":36.5,"
                        + "\"personRole\":\"BIDDER\",\"policyVersion\":1}").toList()) + "]}";
        return http.send(HttpRequest.newBuilder(url("/api/v1/verdicts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
