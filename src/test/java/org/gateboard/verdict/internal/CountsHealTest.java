package org.gateboard.verdict.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gateboard.testsupport.GateClient;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.StoredVerdict;
import org.gateboard.verdict.VerdictEventsLost;
import org.gateboard.verdict.VerdictsStored;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * The live counts heal: verdicts whose events were lost are recounted from the database, a recount racing
 * devices' posts neither loses nor doubles a verdict, and a failure after the commit never turns a stored
 * batch into an error answer. A tiny event queue makes events easy to lose.
 */
@TestPropertySource(properties = "gateboard.verdict.event-queue-capacity=4")
class CountsHealTest extends HttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @MockitoSpyBean
    IngestionMetrics metrics;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ApplicationEventMulticaster multicaster;
    @Autowired
    VenueService venues;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    /** Set to hold the event thread inside a listener, as a slow listener would. */
    private volatile CountDownLatch hold;
    /** The verdict ids whose event every listener has been handed (the relay is one thread, in order). */
    private final Set<UUID> announced = ConcurrentHashMap.newKeySet();
    private ApplicationListener<PayloadApplicationEvent<VerdictsStored>> listener;

    @BeforeEach
    void listen() {
        listener = e -> {
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            e.getPayload().verdicts().forEach(v -> announced.add(v.id()));
        };
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        CountDownLatch h = hold;
        if (h != null) {
            h.countDown();
        }
        multicaster.removeApplicationListener(listener);
        reset(metrics);
    }

    @Test
    void verdictsWhoseEventsAFullQueueDroppedAreRecountedAtOnce() throws Exception {
        Venue v = venue(1);
        hold = new CountDownLatch(1);
        for (int i = 0; i < 9; i++) {
            v.gates.get(0).post(batch(v, 0, 10));
        }
        // the event thread is still held: only a recount from the database can know of all 90
        awaitAdmitted(v, 90);
        assertThat(meters.counter("gateboard.verdict.events.dropped").count()).isPositive();
        assertThat(hold.getCount()).as("the event thread was held throughout").isEqualTo(1);

        hold.countDown();
        hold = null;
        drain(v);
        assertThat(admitted(v)).as("the queued events the recount already counted are not counted again").isEqualTo(91);
    }

    @Test
    void aFailureAfterTheCommitStillAnswersTheCountsNotAnError() throws Exception {
        Venue v = venue(1);
        doThrow(new DataAccessResourceFailureException("the database went away after the commit"))
                .when(metrics).record(anyLong(), anyInt(), anyInt(), anyInt());
        List<StoredVerdict> verdicts = batch(v, 0, 5);

        HttpResponse<String> answer = post(v.tokens.get(0), verdicts);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("accepted").asInt()).isEqualTo(5);
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
            context.publishEvent(new VerdictEventsLost());
            awaitAtLeast(recounts::count, before + 1);
        }
        devices.shutdown();
        for (Future<?> f : posting) {
            f.get();
        }
        assertThat(recounts.count() - recountsBefore).as("recounts ran while devices posted").isGreaterThan(1);

        drain(v);
        assertThat(admitted(v)).isEqualTo(4 * 25 * 20 + 1);
        long before = recounts.count();
        context.publishEvent(new VerdictEventsLost());
        awaitAtLeast(recounts::count, before + 1);
        assertThat(admitted(v)).isEqualTo(4 * 25 * 20 + 1);
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

    /** Posts one more verdict and waits until its event has been handed out: every earlier one has been too. */
    private void drain(Venue v) throws Exception {
        List<StoredVerdict> last = batch(v, 0, 1);
        v.gates.get(0).post(last);
        awaitAtLeast(() -> announced.contains(last.get(0).id()) ? 1 : 0, 1);
    }

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
