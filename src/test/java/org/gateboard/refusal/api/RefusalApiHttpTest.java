package org.gateboard.refusal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.PersonalVerdicts.Person;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusal API over real HTTP with HTTP Basic, as a supervision system's script uses it. */
class RefusalApiHttpTest extends HttpTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ApplicationContext context;

    PersonalVerdicts verdicts;
    TestVenue venue;
    Instant at;

    @BeforeEach
    void data() {
        verdicts = new PersonalVerdicts(context);
        venue = new VerdictFixture(context).newVenue("黄浦区", 1);
        at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aScriptPagesThroughTheSearchWithExactlyThePromisedFields() throws Exception {
        Person person = PersonalVerdicts.newPerson("张三");
        for (int i = 0; i < 3; i++) {
            verdicts.refused(venue, at.plusSeconds(i), person, RefusalReason.FEVER);
        }
        String body = "{\"venueCode\":\"" + venue.venue().code() + "\",\"reasons\":[\"FEVER\"],\"limit\":2}";

        HttpResponse<String> first = send("POST", "/api/v1/refusals/search", "official:official123", body);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(first.body());
        assertThat(page.get("items")).hasSize(2);
        List<String> fields = new ArrayList<>();
        page.get("items").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("verdictId", "scannedAt", "venueCode", "gateId", "reasons",
                "codeColor", "channel", "temperatureC", "personRole", "idNumberMasked", "personName",
                "policyVersion", "nonConformance", "review");
        assertThat(page.get("items").get(0).get("personName").asText()).isEqualTo("张三");

        String next = page.get("next").asText();
        JsonNode second = json.readTree(send("POST", "/api/v1/refusals/search", "official:official123",
                body.replace("}", ",\"after\":\"" + next + "\"}")).body());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();

        HttpResponse<String> tooMany = send("POST", "/api/v1/refusals/search", "official:official123", "{\"limit\":501}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void reviewsNeedACommentOr422AndBulkReviewsAnswerHowMany() throws Exception {
        UUID a = verdicts.refused(venue, at, null, RefusalReason.FEVER);
        UUID b = verdicts.refused(venue, at.plusSeconds(1), null, RefusalReason.FEVER);

        HttpResponse<String> missing = send("POST", "/api/v1/refusals/" + a + "/reviews", "official:official123",
                "{\"disposition\":\"UPHELD\"}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json.readTree(missing.body()).get("detail").asText()).isEqualTo("A comment is required.");

        HttpResponse<String> one = send("POST", "/api/v1/refusals/" + a + "/reviews", "official:official123",
                "{\"disposition\":\"APPEALED\",\"comment\":\"已申诉\",\"appealReference\":\"SQ-1\"}");
        assertThat(one.statusCode()).isEqualTo(201);
        assertThat(json.readTree(one.body()).get("appealReference").asText()).isEqualTo("SQ-1");

        HttpResponse<String> bulk = send("POST", "/api/v1/refusals/reviews", "official:official123",
                "{\"verdictIds\":[\"" + a + "\",\"" + b + "\"],\"disposition\":\"OVERTURNED\",\"comment\":\"测温仪故障\"}");
        assertThat(bulk.statusCode()).isEqualTo(201);
        assertThat(json.readTree(bulk.body()).get("recorded").asInt()).isEqualTo(2);

        JsonNode detail = json.readTree(send("GET", "/api/v1/refusals/" + a, "official:official123", null).body());
        assertThat(detail.get("reviews")).hasSize(2);
        assertThat(detail.get("item").get("review").get("disposition").asText()).isEqualTo("OVERTURNED");
    }

    @Test
    void theExportIsStreamedCsvWithABom() throws Exception {
        verdicts.refused(venue, at, PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);

        HttpResponse<byte[]> csv = http.send(request("POST", "/api/v1/refusals/export", "manager:manager123",
                "{\"venueCode\":\"" + venue.venue().code() + "\"}"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(404); // not the demo manager's venue

        csv = http.send(request("POST", "/api/v1/refusals/export", "official:official123",
                "{\"venueCode\":\"" + venue.venue().code() + "\"}"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void theExportIsXlsxWhenTheRequestAcceptsIt() throws Exception {
        UUID id = verdicts.refused(venue, at, PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);
        String body = "{\"venueCode\":\"" + venue.venue().code() + "\"}";

        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(request("POST", "/api/v1/refusals/export",
                        "official:official123", body), (n, v) -> true).header("Accept", XLSX).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("refusals.xlsx"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(0)).isEqualTo(id.toString());
            assertThat(rows.get(1).getCellText(10)).isEqualTo("张三");
        }

        // CSV stays the default, and wins when the client prefers it
        for (String accept : List.of("*/*", "text/csv, " + XLSX + ";q=0.5", "application/json")) {
            HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(request("POST", "/api/v1/refusals/export",
                            "official:official123", body), (n, v) -> true).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(csv.statusCode()).as(accept).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).as(accept)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        }
        // a bad filter is still problem details, whatever the client accepts
        HttpResponse<String> unknownVenue = http.send(HttpRequest.newBuilder(request("POST",
                        "/api/v1/refusals/export", "official:official123", "{\"venueCode\":\"NO-SUCH-VENUE\"}"),
                (n, v) -> true).header("Accept", XLSX).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknownVenue.statusCode()).isEqualTo(404);
        assertThat(unknownVenue.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theEvidenceSheetIsAPdfForWhoMaySeeTheRefusalAndProblemDetailsOtherwise() throws Exception {
        UUID id = verdicts.refused(venue, at, PersonalVerdicts.newPerson("张三"), RefusalReason.FEVER);

        HttpResponse<byte[]> pdf = http.send(request("GET", "/api/v1/refusals/" + id + "/evidence",
                "official:official123", null), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains("refusal-" + id + ".pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        HttpResponse<String> unknown = send("GET", "/api/v1/refusals/" + UUID.randomUUID() + "/evidence",
                "official:official123", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // a refusal at a venue the demo manager does not manage is answered as if it did not exist
        HttpResponse<String> notTheirs = send("GET", "/api/v1/refusals/" + id + "/evidence", "manager:manager123", null);
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send("GET", "/api/v1/refusals/not-a-uuid/evidence", "official:official123", null).statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/api/v1/refusals/" + id + "/evidence", "admin:admin123", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void adminsGet403OnRefusalsAndOthers403OnRetention() throws Exception {
        assertThat(send("POST", "/api/v1/refusals/search", "admin:admin123", "{}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/refusals/" + UUID.randomUUID(), "admin:admin123", null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/admin/retention/run", "official:official123", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> run = send("POST", "/api/v1/admin/retention/run", "admin:admin123", null);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(json.readTree(run.body()).has("verdictsPurged")).isTrue();
    }

    private HttpResponse<String> send(String method, String path, String credentials, String body) throws Exception {
        return http.send(request(method, path, credentials, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String credentials, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null || method.equals("POST")) {
            // the admin API takes changes declared as JSON only, even body-less ones (no cross-site form can)
            b.header("Content-Type", "application/json");
        }
        return b.build();
    }
}
