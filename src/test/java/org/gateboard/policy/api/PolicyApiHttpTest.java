package org.gateboard.policy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.audit.AuditService;
import org.gateboard.policy.NoticeBaseline;
import org.gateboard.policy.PolicyService;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.HttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoticeBaseline.class)
class PolicyApiHttpTest extends HttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRICTER = "{\"feverThresholdC\": 37.0, \"admittedColors\": [\"GREEN\"],"
            + " \"photolessRequiresIdCheck\": true, \"maskRequired\": true, \"reason\": \"test\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private PolicyService policies;
    @Autowired
    private UserService users;
    @Autowired
    private AuditService audit;

    @Test
    void anOfficialPublishesTheBaselineAndEveryoneReadsIt() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/policies/baseline", "official:official123", STRICTER);

        assertThat(created.statusCode()).isEqualTo(201);
        int version = tree(created).get("version").asInt();
        assertThat(tree(created).at("/change/status").asText()).isEqualTo("PUBLISHED");
        JsonNode all = tree(send("GET", "/api/v1/policies", "manager:manager123", null));
        assertThat(all.at("/baseline/version").asInt()).isEqualTo(version);
        assertThat(all.at("/baseline/parameters/feverThresholdC").decimalValue()).isEqualByComparingTo("37.0");
        assertThat(all.get("venues")).hasSize(1);
        assertThat(all.at("/venues/0/venueCode").asText()).isEqualTo("SH-CITY");
        JsonNode history = tree(send("GET", "/api/v1/policies/history", "official:official123", null));
        assertThat(history.at("/0/differences/feverThresholdC/from").decimalValue()).isEqualByComparingTo("37.3");
        assertThat(history.at("/0/differences/feverThresholdC/to").decimalValue()).isEqualByComparingTo("37.0");
        assertThat(lastPolicyAction()).isEqualTo("publish-baseline");
    }

    @Test
    void aManagerTightensTheirVenueOnlyAndALooserValueIs422() throws Exception {
        assertThat(send("POST", "/api/v1/policies/venues/SH-CITY", "manager:manager123", STRICTER).statusCode())
                .isEqualTo(201);
        HttpResponse<String> looser = send("POST", "/api/v1/policies/venues/SH-CITY", "manager:manager123",
                STRICTER.replace("37.0", "37.5"));
        assertThat(looser.statusCode()).isEqualTo(422);
        assertThat(looser.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tree(looser).get("detail").asText()).contains("37.3 °C");

        assertThat(send("POST", "/api/v1/policies/venues/PD", "manager:manager123", STRICTER).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/policies/baseline", "manager:manager123", STRICTER).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/policies/baseline", "admin:admin123", STRICTER).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/policies/baseline", null, STRICTER).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/policies/history?venue=SH-CITY", "manager:manager123", null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/policies/history?venue=PD", "manager:manager123", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badFieldsAre422WithTheFieldNamedAndHugeNumbersCostNothing() throws Exception {
        // the first request of a cold server pays for class loading, not for the number
        send("POST", "/api/v1/policies/baseline", "official:official123", STRICTER.replace("37.0", "99"));
        for (String body : new String[]{STRICTER.replace("37.0", "1e-1000000"), STRICTER.replace("37.0", "1e999999"),
                STRICTER.replace("37.0", "37.05"), STRICTER.replace("[\"GREEN\"]", "[\"YELLOW\"]"),
                STRICTER.replace("\"reason\": \"test\"", "\"reason\": \"\""),
                STRICTER.replace("\"maskRequired\": true", "\"maskRequired\": \"yes\""),
                STRICTER.replace("}", ", \"effectiveFrom\": \"yesterday\"}"),
                STRICTER.replace("}", ", \"effectiveFrom\": \"2020-01-01T00:00:00+08:00\"}")}) {
            long start = System.nanoTime();
            HttpResponse<String> r = send("POST", "/api/v1/policies/baseline", "official:official123", body);
            assertThat(r.statusCode()).as(body).isEqualTo(422);
            assertThat((System.nanoTime() - start) / 1_000_000).as(body).isLessThan(1_000);
        }
        assertThat(policies.history(null)).hasSize(1);
    }

    @Test
    void aLooseningIs202UntilAnotherOfficialApprovesIt() throws Exception {
        String second = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        HttpResponse<String> pending = send("POST", "/api/v1/policies/baseline", "official:official123",
                STRICTER.replace("37.0", "37.3").replace("[\"GREEN\"]", "[\"GREEN\", \"YELLOW\"]"));
        assertThat(pending.statusCode()).isEqualTo(202);
        long id = tree(pending).at("/change/id").asLong();
        assertThat(tree(pending).at("/change/loosens/0").asText()).isEqualTo("admittedColors");

        assertThat(send("POST", "/api/v1/policies/pending/" + id + "/approve", "official:official123", null)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> approved = send("POST", "/api/v1/policies/pending/" + id + "/approve",
                second + ":" + TestAccounts.PASSWORD, null);
        assertThat(approved.statusCode()).isEqualTo(201);
        assertThat(tree(approved).at("/change/approvedBy").asText()).isEqualTo(second);
    }

    @Test
    void aScheduledChangeIsListedAndCancelled() throws Exception {
        String later = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString();
        HttpResponse<String> scheduled = send("POST", "/api/v1/policies/baseline", "official:official123",
                STRICTER.replace("}", ", \"effectiveFrom\": \"" + later + "\"}"));
        assertThat(scheduled.statusCode()).isEqualTo(201);
        int version = tree(scheduled).get("version").asInt();
        assertThat(tree(send("GET", "/api/v1/policies", "official:official123", null)).at("/scheduled/0/version")
                .asInt()).isEqualTo(version);

        assertThat(send("DELETE", "/api/v1/policies/scheduled/" + version, "manager:manager123", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> cancelled = send("DELETE", "/api/v1/policies/scheduled/" + version,
                "official:official123", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(tree(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(send("DELETE", "/api/v1/policies/scheduled/1", "official:official123", null).statusCode())
                .isEqualTo(409);
        assertThat(lastPolicyAction()).isEqualTo("cancel-scheduled");
    }

    @Test
    void whatIfAnswersTheCountsForADay() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/policies/what-if", "official:official123",
                STRICTER.replace("}", ", \"day\": \"2021-03-02\"}"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(tree(r).get("day").asText()).isEqualTo("2021-03-02");
        assertThat(tree(r).get("newlyRefused").asLong()).isZero();
        assertThat(send("POST", "/api/v1/policies/what-if", "manager:manager123",
                STRICTER.replace("}", ", \"venueCode\": \"SH-CITY\"}")).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/policies/what-if", "official:official123",
                STRICTER.replace("}", ", \"day\": \"2021-02-30\"}")).statusCode()).isEqualTo(422);
    }

    private String lastPolicyAction() {
        return TestAccounts.asAdmin(() -> audit.latest(20, 0)).stream().filter(e -> e.entityType().equals("policy")).findFirst().orElseThrow()
                .action();
    }

    private HttpResponse<String> send(String method, String path, String credentials, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode tree(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
