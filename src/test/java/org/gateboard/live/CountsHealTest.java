package org.gateboard.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gateboard.testsupport.AsyncListeners;
import org.gateboard.testsupport.GateClient;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.VerdictsStored;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live counts heal: a batch the listener failed on is recounted from the database at once, and a
 * recount racing devices' posts neither loses nor doubles a verdict. The periodic recount is off in tests
 * (an hour), so every recount here is one the test or the listener asked for.
 */
class CountsHealTest extends HttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    VenueService venues;
    @Autowired
    MeterRegistry meters;
    @Autowired
    LiveCounters counters;
    @Autowired
    AsyncListeners listeners;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBatchTheListenerFailedOnIsRecountedFromTheDatabaseAtOnce() throws Exception {
        Venue v = venue(1);
        VerdictFixture fixture = new VerdictFixture(context);
        List<StoredVerdict> stored = batch(v, 0, 5);
        fixture.insertOnly(stored);
        Timer recounts = meters.timer("gateboard.live.recounts");
        long before = recounts.count();
        // the first verdict is counted, then the listener fails on the second (it has no scan time)
        StoredVerdict first = stored.get(0);
        StoredVerdict broken = new StoredVerdict(stored.get(1).id(), first.venueId(), first.gateId(), first.deviceId(),
                null, first.outcome(), first.reasons(), first.personRole(), first.channel(), first.checkSeconds(),
                false);

        fixture.publish(new VerdictsStored(0, List.of(first, broken)));

        awaitAtLeast(recounts::count, before + 1);
        awaitAdmitted(v, 5);
    }

    @Test
    void aRecountWhileDevicesPostNeitherLosesNorDoublesAVerdict() throws Exception {
        Venue v = venue(4);
        Timer recounts = meters.timer("gateboard.live.recounts");
        long recountsBefore = recounts.count();
        ExecutorService devices = Executors.newFixedThreadPool(4);
        List<Future<?>> posting = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            int gate = g;
            posting.add(devices.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    v.gates.get(gate).post(batch(v, gate, 20));
                }
            }));
        }
        while (posting.stream().anyMatch(f -> !f.isDone())) {
            long before = recounts.count();
            counters.requestRecount();
            awaitAtLeast(recounts::count, before + 1);
        }
        devices.shutdown();
        for (Future<?> f : posting) {
            f.get();
        }
        assertThat(recounts.count() - recountsBefore).as("recounts ran while devices posted").isGreaterThan(1);

        listeners.awaitIdle();
        assertThat(admitted(v)).isEqualTo(4 * 25 * 20);
        long before = recounts.count();
        counters.requestRecount();
        awaitAtLeast(recounts::count, before + 1);
        assertThat(admitted(v)).isEqualTo(4 * 25 * 20);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private record Venue(VerdictFixture.TestVenue venue, List<Gate> gateList, List<Long> devices, List<String> tokens,
                         List<GateClient> gates) {
        long id() {
            return venue.id();
        }
    }

    private Venue venue(int gateCount) {
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
                IssuedToken token = venues.registerDevice(gate.id(), "heal test " + i);
                gates.add(gate);
                devices.add(token.deviceId());
                tokens.add(token.token());
                clients.add(new GateClient(baseUrl(), token.token()));
            }
            return new Venue(tv, gates, devices, tokens, clients);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private static List<StoredVerdict> batch(Venue v, int gate, int n) {
        List<StoredVerdict> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(VerdictFixture.verdict(v.id(), v.gateList.get(gate).id(), v.devices.get(gate),
                    Instant.now().minusSeconds(30), org.gateboard.verdict.Outcome.ADMITTED, Set.of(),
                    PersonRole.BIDDER, 5.0, false));
        }
        return list;
    }

    /** Today's admitted count of the venue as the stats API serves it to an official. */
    private long admitted(Venue v) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/stats/venues"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "official:official123".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode venue : JSON.readTree(response.body())) {
            if (venue.get("venueId").asLong() == v.id()) {
                return venue.get("admitted").asLong();
            }
        }
        return 0;
    }

    private void awaitAdmitted(Venue v, long n) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (admitted(v) != n && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(admitted(v)).isEqualTo(n);
    }

    private static void awaitAtLeast(LongSupplier value, long n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (value.getAsLong() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(value.getAsLong()).isGreaterThanOrEqualTo(n);
    }
}
