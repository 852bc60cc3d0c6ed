package org.gateboard.live.browser;

import org.gateboard.testsupport.GateClient;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.venue.Device;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many open screens on few push write threads, over real HTTP and WebSocket as browser tabs hold them
 * ({@link PushSessionsLoad}): each screen still gets each round's push when the round sends it. Atmosphere's
 * own writer kept a write thread 100 ms after each message, so two threads wrote about 20 pushes a second on
 * time, and 30 screens at two a second got theirs late, two or three at a time;
 * {@code base.ui.PushBroadcaster} hands the thread back at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateboard.live.push-write-threads=2")
class PushWritersTest extends HttpTest {

    private static final int SCREENS = 30;
    private static final int WINDOW_SECONDS = 6;

    @Autowired
    VenueService venues;

    @Test
    void twoWriteThreadsKeepThirtyScreensOnTime() throws Exception {
        Venue cityCentre = venues.venues().stream().filter(v -> v.code().equals("SH-CITY")).findFirst().orElseThrow();
        PushSessionsLoad load = new PushSessionsLoad(baseUrl(), cityCentre.id());
        List<PushSessionsLoad.Screen> screens = new ArrayList<>();
        ScheduledExecutorService gate = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SCREENS; i++) {
                screens.add(load.open(i));
            }
            // verdicts keep arriving, so every push round has something new for every screen
            GateClient g1 = new GateClient(baseUrl(), "gbd_demo_sh-city_g1");
            Gate gateG1 = venues.gates(cityCentre.id()).stream().filter(x -> x.code().equals("G1")).findFirst()
                    .orElseThrow();
            Device device = venues.devices(gateG1.id()).get(0);
            gate.scheduleWithFixedDelay(() -> g1.post(List.of(VerdictFixture.verdict(cityCentre.id(), gateG1.id(),
                    device.id(), Instant.now(), Outcome.ADMITTED, Set.of(), PersonRole.BIDDER, 12.0, false))),
                    0, 100, TimeUnit.MILLISECONDS);
            awaitEveryScreenPushed(screens);

            screens.forEach(PushSessionsLoad.Screen::recordArrivals);
            TimeUnit.SECONDS.sleep(WINDOW_SECONDS);
            List<Long> gaps = new ArrayList<>();
            screens.forEach(s -> gaps.addAll(s.gapsMillis()));
            gaps.sort(null);
            // a round every 500 ms; Atmosphere's writer delivered them to 30 screens on 2 threads two or three
            // at a time (half of the gaps under 5 ms, the rest over a second)
            assertThat(gaps).as("gaps between pushes").hasSizeGreaterThan(SCREENS * WINDOW_SECONDS);
            assertThat(gaps.get(gaps.size() / 2)).as("median gap between pushes, ms").isBetween(300L, 700L);
            assertThat(gaps.get(gaps.size() * 9 / 10)).as("9 in 10 gaps between pushes, ms").isLessThan(1_000L);
        } finally {
            gate.shutdownNow();
            screens.forEach(PushSessionsLoad.Screen::close);
            load.close();
        }
    }

    private static void awaitEveryScreenPushed(List<PushSessionsLoad.Screen> screens) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (screens.stream().anyMatch(s -> s.pushes() == 0)) {
            assertThat(System.nanoTime()).as("every screen got its first push").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
