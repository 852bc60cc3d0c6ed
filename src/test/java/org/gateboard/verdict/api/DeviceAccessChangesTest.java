package org.gateboard.verdict.api;

import org.gateboard.base.ConflictException;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Registry changes that decide whether a device may call: at once on this node, and revoked stays revoked. */
class DeviceAccessChangesTest extends DeviceApiTestSupport {

    private static final String POLICY = "/api/v1/policy";

    @Test
    void revokingOrDisablingTakesEffectOnTheVeryNextRequest() {
        for (DeviceStatus status : List.of(DeviceStatus.DISABLED, DeviceStatus.REVOKED)) {
            TestDevice device = newDevice();
            assertThat(get(POLICY, device.token()).statusCode()).isEqualTo(200); // the token is now cached

            setStatus(device, status);

            assertThat(get(POLICY, device.token()).statusCode()).as(status.name()).isEqualTo(403);
        }
    }

    @Test
    void aRotatedTokenStopsWorkingOnTheVeryNextRequest() {
        TestDevice device = newDevice();
        assertThat(get(POLICY, device.token()).statusCode()).isEqualTo(200);

        IssuedToken fresh = asAdmin(() -> venues.rotateToken(device.deviceId()));

        assertThat(get(POLICY, device.token()).statusCode()).isEqualTo(401);
        assertThat(get(POLICY, fresh.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeactivatedGateOrVenueRefusesItsDevicesWith403UntilActivatedAgain() {
        TestDevice device = newDevice();
        assertThat(pushVerdicts(device, List.of(green())).statusCode()).isEqualTo(200);

        Gate gate = asAdmin(() -> venues.gate(device.gateId()).orElseThrow());
        Gate closed = asAdmin(() -> venues.setGateActive(gate.id(), gate.version(), false));
        HttpResponse<String> refused = pushVerdicts(device, List.of(green()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(tree(refused).get("detail").asText()).contains("deactivated");
        assertThat(storedForDevice(device)).isEqualTo(1);

        asAdmin(() -> venues.setGateActive(gate.id(), closed.version(), true));
        assertThat(pushVerdicts(device, List.of(green())).statusCode()).isEqualTo(200);

        String code = "DA" + UUID.randomUUID().toString().substring(0, 8);
        Venue venue = asAdmin(() -> venues.createVenue(new VenueDraft(code, "停用测试", "Deactivation test",
                VenueLevel.DISTRICT, null, null)));
        Gate other = asAdmin(() -> venues.createGate(venue.id(), new GateDraft("G1", "门", "Gate")));
        String token = asAdmin(() -> venues.registerDevice(other.id(), "d")).token();
        assertThat(get(POLICY, token).statusCode()).isEqualTo(200);
        asAdmin(() -> venues.setVenueActive(venue.id(), venue.version(), false));
        assertThat(get(POLICY, token).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/heartbeat", token, java.util.Map.of("policyVersion", 1, "backlog", 0,
                "sentAt", "2026-01-01T00:00:00Z")).statusCode()).isEqualTo(403);
    }

    @Test
    void aRevokedDeviceStaysRevokedWhateverRacesTheRevocation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                TestDevice device = newDevice();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> done = new ArrayList<>();
                done.add(pool.submit(() -> {
                    start.await();
                    setStatus(device, DeviceStatus.REVOKED);
                    return null;
                }));
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        setStatus(device, DeviceStatus.DISABLED);
                        setStatus(device, DeviceStatus.ACTIVE);
                    } catch (ConflictException expected) {
                        // the revocation came first: refusing to undo it is the point
                    }
                    return null;
                }));
                for (Future<?> f : done) {
                    f.get();
                }
                assertThat(asAdmin(() -> venues.device(device.deviceId()).orElseThrow().status()))
                        .as("round %d", round).isEqualTo(DeviceStatus.REVOKED);
                assertThat(get(POLICY, device.token()).statusCode()).isEqualTo(403);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
