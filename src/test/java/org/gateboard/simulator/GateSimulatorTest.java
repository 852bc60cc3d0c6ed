package org.gateboard.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gateboard.policy.PolicyDraft;
import org.gateboard.policy.PolicyEditor;
import org.gateboard.policy.PolicyParameters;
import org.gateboard.policy.PolicyService;
import org.gateboard.policy.PolicyTesting;
import org.gateboard.base.Role;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GateSimulatorTest extends HttpTest {

    @Autowired
    private VenueService venues;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PolicyEditor editor;
    @Autowired
    private PolicyService policies;
    @Autowired
    private ObjectMapper json;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void simulatedGatesSpeakTheContractAndTheirResentBatchesAreStoredOnce() {
        List<Long> devices = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            IssuedToken issued = newDevice();
            devices.add(issued.deviceId());
            tokens.add(issued.token());
        }
        SimulatedGate.Settings settings = new SimulatedGate.Settings(40, Duration.ofMillis(300), 0,
                Duration.ofSeconds(1), 0.5, 0.2, Duration.ofSeconds(1));
        Simulation simulation = new Simulation(baseUrl(), tokens, json, settings, 1, Duration.ofMillis(100),
                Duration.ofSeconds(3), Duration.ofMinutes(1), Clock.systemUTC());

        simulation.run();

        // fewer at night: arrivals follow the time of day in Shanghai
        assertThat(simulation.stats.accepted.get()).isGreaterThan(10);
        assertThat(simulation.stats.rejected.get()).isZero();
        assertThat(simulation.stats.failures.get()).isZero();
        assertThat(simulation.stats.resent.get()).isPositive();
        assertThat(simulation.stats.duplicates.get()).isPositive();
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM verdict WHERE device_id IN (?, ?)", Long.class,
                devices.get(0), devices.get(1));
        assertThat(stored).isEqualTo(simulation.stats.accepted.get());
        Long heartbeats = jdbc.queryForObject("SELECT COUNT(*) FROM device_contact WHERE device_id IN (?, ?)"
                + " AND last_heartbeat_at IS NOT NULL", Long.class, devices.get(0), devices.get(1));
        assertThat(heartbeats).isEqualTo(2);
    }

    @Test
    void theLoadGeneratorsBatchesAreValidAndNewOnEverySend() throws Exception {
        String token = newDevice().token();
        Crowd crowd = new Crowd(new Random(3), 0.01);
        PolicyParameters baseline = new PolicyParameters(new BigDecimal("37.3"), Set.of("GREEN"), true, true);
        List<SimulatedVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            verdicts.add(crowd.next(Instant.now().minusSeconds(i), baseline, 1));
        }
        BatchTemplate template = new BatchTemplate(verdicts);
        UUID[] ids = new UUID[100];

        try (RawHttp client = new RawHttp("127.0.0.1", port)) {
            for (int send = 0; send < 2; send++) {
                RawHttp.Answer answer = client.send(RawHttp.postRequest("127.0.0.1", "/api/v1/verdicts", token,
                        template.freshBody(ids)));
                assertThat(answer.status()).isEqualTo(200);
                assertThat(new String(answer.body(), StandardCharsets.UTF_8)).startsWith("{\"accepted\":100,");
            }
        }
    }

    @Test
    void aRunningGateFollowsALowerBaselineThresholdWithinAMinuteWithoutARestart() throws Exception {
        IssuedToken issued = newDevice();
        SecurityContextHolder.clearContext();
        SimulatedGate.Settings settings = new SimulatedGate.Settings(30, Duration.ofMillis(300), 0,
                Duration.ofSeconds(1), 0, 0, Duration.ofSeconds(5));
        Simulation simulation = new Simulation(baseUrl(), List.of(issued.token()), json, settings, 7,
                Duration.ofMillis(100), Duration.ofMinutes(3), Duration.ofMinutes(5), Clock.systemUTC());
        Thread gate = new Thread(simulation, "test-gate");
        gate.start();
        try {
            awaitCount("SELECT COUNT(*) FROM verdict WHERE device_id = ? AND policy_version = 1", issued.deviceId(),
                    null, Duration.ofSeconds(30));
            PolicyTesting.signIn("official", Role.OFFICIAL);
            int version = editor.submit(new PolicyDraft(null, PolicyTesting.params("37.0", true, true, "GREEN"), null,
                    "Lower threshold")).version();
            SecurityContextHolder.clearContext();
            long published = System.nanoTime();

            awaitCount("SELECT COUNT(*) FROM verdict WHERE device_id = ? AND policy_version = ?", issued.deviceId(),
                    version, Duration.ofSeconds(75));
            assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(70));
            // people at 37.0 to 37.2 °C, admitted before, are refused for FEVER now
            awaitCount("SELECT COUNT(*) FROM verdict WHERE device_id = ? AND policy_version = ? AND temperature_c"
                    + " >= 37.0 AND temperature_c < 37.3", issued.deviceId(), version, Duration.ofSeconds(60));
            assertThat(jdbc.queryForList("SELECT CONCAT(outcome, ':', reasons) FROM verdict WHERE device_id = ? AND"
                    + " policy_version = ? AND temperature_c >= 37.0", String.class, issued.deviceId(), version))
                    .isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("REFUSED:").contains("FEVER"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verdict WHERE device_id = ? AND non_conforming",
                    Long.class, issued.deviceId())).isZero();
        } finally {
            simulation.stop();
            gate.join(10_000);
            PolicyTesting.resetPolicies(jdbc, policies);
        }
    }

    /** Polls until the count is positive: the gate works on its own thread and schedule. */
    private void awaitCount(String sql, long deviceId, Integer version, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Long n = version == null ? jdbc.queryForObject(sql, Long.class, deviceId)
                    : jdbc.queryForObject(sql, Long.class, deviceId, version);
            if (n != null && n > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Nothing matched within " + within + ": " + sql);
    }

    private IssuedToken newDevice() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        Venue venue = venues.venues().stream().filter(v -> v.code().equals("JD")).findFirst().orElseThrow();
        Gate gate = venues.createGate(venue.id(), new GateDraft("S" + System.nanoTime() % 1_000_000_000, "模拟门",
                "Simulated gate"));
        return venues.registerDevice(gate.id(), "simulated");
    }
}
