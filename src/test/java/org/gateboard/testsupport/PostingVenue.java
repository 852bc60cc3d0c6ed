package org.gateboard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.StoredVerdict;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh venue whose gates each have a device registered through the registry service, with a client that
 * posts for it over real HTTP: for tests of what a stored batch leads to.
 */
public record PostingVenue(VerdictFixture.TestVenue venue, List<Gate> gateList, List<Long> devices,
                           List<String> tokens, List<GateClient> gates) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    public long id() {
        return venue.id();
    }

    public static PostingVenue create(ApplicationContext context, String baseUrl, int gateCount) {
        VenueService venues = context.getBean(VenueService.class);
        VerdictFixture.TestVenue tv = new VerdictFixture(context).newVenue("测试区", 0);
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            List<Gate> gates = new ArrayList<>();
            List<Long> devices = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            List<GateClient> clients = new ArrayList<>();
            for (int i = 1; i <= gateCount; i++) {
                Gate gate = venues.createGate(tv.id(), new GateDraft("G" + i, "门 " + i, "Gate " + i));
                IssuedToken token = venues.registerDevice(gate.id(), "test device " + i);
                gates.add(gate);
                devices.add(token.deviceId());
                tokens.add(token.token());
                clients.add(new GateClient(baseUrl, token.token()));
            }
            return new PostingVenue(tv, gates, devices, tokens, clients);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /** Today's admitted count of this venue as the stats API at {@code baseUrl} serves it to an official. */
    public long admittedToday(String baseUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stats/venues"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "official:official123".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode venue : JSON.readTree(response.body())) {
            if (venue.get("venueId").asLong() == id()) {
                return venue.get("admitted").asLong();
            }
        }
        return 0;
    }

    /** Waits (up to 30 s) until the stats API serves {@code n} admitted today, and asserts it does. */
    public void awaitAdmittedToday(String baseUrl, long n) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (admittedToday(baseUrl) != n && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(admittedToday(baseUrl)).isEqualTo(n);
    }

    /** {@code n} admitted verdicts of the device at gate number {@code gate} (from 0), scanned 30 s ago. */
    public List<StoredVerdict> batch(int gate, int n) {
        List<StoredVerdict> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(VerdictFixture.verdict(id(), gateList.get(gate).id(), devices.get(gate),
                    Instant.now().minusSeconds(30), Outcome.ADMITTED, Set.of(), PersonRole.BIDDER, 5.0, false));
        }
        return list;
    }
}
