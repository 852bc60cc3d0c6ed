package org.gateboard.poster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.base.pdf.PdfPictures;
import org.gateboard.poster.PosterFixture;
import org.gateboard.poster.PosterService;
import org.gateboard.poster.Scans;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PosterApiHttpTest extends HttpTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    PosterService posters;
    @Autowired
    VenueService venues;
    @Autowired
    UserService users;

    @Test
    void managersAndAdminsReadTheChannelsOfficialsAndStrangersDoNot() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/channels", "manager:manager123", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode alipay = json.readTree(r.body()).get(1);
        assertThat(alipay.get("channel").asText()).isEqualTo("ALIPAY");
        assertThat(alipay.get("nameZh").asText()).isEqualTo("“随申办”支付宝小程序");
        assertThat(alipay.get("required").asBoolean()).isTrue();
        assertThat(alipay.has("payload") && alipay.has("instructionsZh") && alipay.has("instructionsEn")
                && alipay.has("nameEn")).isTrue();
        assertThat(send("GET", "/api/v1/channels", "official:official123", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/channels", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminChangesAChannelAndTheVenuesPostersAreRepublishedAndListedAsOutdated() throws Exception {
        PosterFixture f = PosterFixture.create(venues, users, posters);
        String payload = "https://zwdt.sh.gov.cn/ssb/hc/" + System.nanoTime() % 100_000;
        String body = "{\"channel\":\"HEALTH_CLOUD\",\"nameZh\":\"“健康云”平台\",\"nameEn\":\"Health Cloud platform\","
                + "\"payload\":\"" + payload + "\",\"instructionsZh\":\"来沪人员扫码完成健康登记后获取“随申码”。\","
                + "\"instructionsEn\":\"Visitors: scan to register, then get the code.\",\"required\":false}";
        // the fixture's venue does not post HEALTH_CLOUD: nothing of it is republished
        HttpResponse<String> r = send("PUT", "/api/v1/admin/channels/HEALTH_CLOUD", "admin:admin123", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("payload").asText()).isEqualTo(payload);
        assertThat(f.publishedVersion(posters)).isEqualTo(1);

        HttpResponse<String> app = send("PUT", "/api/v1/admin/channels/APP", "admin:admin123",
                "{\"nameZh\":\"“随申办”APP\",\"nameEn\":\"Suishenban app\",\"payload\":\"https://zwdt.sh.gov.cn/ssb/app/"
                        + System.nanoTime() % 100_000 + "\",\"instructionsZh\":\"打开“随申办”APP扫码亮码。\","
                        + "\"instructionsEn\":\"Scan with the Suishenban app.\",\"required\":true,\"reason\":\"新入口\"}");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(json.readTree(app.body()).get("republished").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(f.publishedVersion(posters)).isEqualTo(2);

        HttpResponse<String> outdated = send("GET", "/api/v1/posters/outdated", "admin:admin123", null);
        assertThat(outdated.statusCode()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode n : json.readTree(outdated.body())) {
            if (n.get("venueCode").asText().equals(f.venue().code())) {
                mine = n;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(mine.get("printedVersion").isNull()).isTrue();

        assertThat(send("GET", "/api/v1/posters/outdated", f.manager() + ":" + TestAccounts.PASSWORD, null)
                .statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/admin/channels/APP", f.manager() + ":" + TestAccounts.PASSWORD, body)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void badChannelChangesAreProblemsAndChangeNothing() throws Exception {
        String base = "{\"nameZh\":\"x\",\"nameEn\":\"x\",\"instructionsZh\":\"x\",\"instructionsEn\":\"x\","
                + "\"required\":true,\"payload\":";
        for (String payload : new String[]{"\"javascript:alert(1)\"", "\"http://plain.example/x\"",
                "\"https://example.gov.cn/" + "a".repeat(90) + "\"", "\"\""}) {
            HttpResponse<String> r = send("PUT", "/api/v1/admin/channels/ALIPAY", "admin:admin123", base + payload + "}");
            assertThat(r.statusCode()).as(payload).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(json.readTree(r.body()).get("detail").asText()).as(payload).contains("QR payload");
        }
        assertThat(send("PUT", "/api/v1/admin/channels/FAX", "admin:admin123", base + "\"https://a.b/c\"}")
                .statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/v1/admin/channels/APP", "admin:admin123", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aManagerPrintsTheirOwnVenuesPdfsAndAnotherVenueIsNotFound() throws Exception {
        PosterFixture f = PosterFixture.create(venues, users, posters);
        String who = f.manager() + ":" + TestAccounts.PASSWORD;
        HttpResponse<byte[]> sheet = sendBytes("/api/v1/posters/" + f.venue().code() + ".pdf?size=A3", who);
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(sheet.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Scans.decodeAll(PdfPictures.page(sheet.body(), 0, 60))).hasSize(3);

        HttpResponse<byte[]> alipay = sendBytes("/api/v1/posters/" + f.venue().code() + "/ALIPAY.pdf?size=A4", who);
        assertThat(alipay.statusCode()).isEqualTo(200);
        String payload = TestAccounts.asAdmin(() -> posters.published(f.venue().id())).orElseThrow().content().parts()
                .stream().filter(p -> p.channel().channel().name().equals("ALIPAY")).findFirst().orElseThrow()
                .channel().payload();
        assertThat(Scans.decodeAll(PdfPictures.page(alipay.body(), 0, 100))).containsExactly(payload);
        // printed: the venue is current again
        assertThat(TestAccounts.asAdmin(() -> posters.outdated())).extracting(o -> o.venueCode())
                .doesNotContain(f.venue().code());

        assertThat(sendBytes("/api/v1/posters/SH-CITY.pdf", who).statusCode()).isEqualTo(404);
        assertThat(sendBytes("/api/v1/posters/SH-CITY/APP.pdf", who).statusCode()).isEqualTo(404);
        assertThat(sendBytes("/api/v1/posters/" + f.venue().code() + "/HEALTH_CLOUD.pdf", who).statusCode())
                .isEqualTo(404);
        assertThat(sendBytes("/api/v1/posters/" + f.venue().code() + ".pdf?size=A5", who).statusCode()).isEqualTo(400);
        assertThat(sendBytes("/api/v1/posters/SH-CITY.pdf", "official:official123").statusCode()).isEqualTo(403);
        assertThat(sendBytes("/api/v1/posters/SH-CITY.pdf", "admin:admin123").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String who, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (who != null) {
            b.header("Authorization", basic(who));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> sendBytes(String path, String who) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", basic(who)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String who) {
        return "Basic " + Base64.getEncoder().encodeToString(who.getBytes(StandardCharsets.UTF_8));
    }
}
