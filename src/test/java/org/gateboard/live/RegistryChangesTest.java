package org.gateboard.live;

import com.vaadin.flow.shared.Registration;
import org.gateboard.base.Role;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.security.TestAccounts.asAdmin;

/**
 * Registry changes reach the dashboards through the venue feature's events as soon as they are committed: no
 * poll, no recount (tests recount only when they ask), and the venue's open views get a push of their own.
 */
class RegistryChangesTest extends DatabaseTest {

    @Autowired
    LiveStatsService live;
    @Autowired
    VenueService venues;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGateAddedAndADeviceDisabledByAnAdminShowInTheVenuesNextPush() throws InterruptedException {
        TestVenue v = new VerdictFixture(context).newVenue("测试区", 1);
        LivePushes pushes = new LivePushes(context);
        List<VenueStats> seen = new CopyOnWriteArrayList<>();
        signIn("official", Role.OFFICIAL);
        Registration subscription = live.subscribeVenue(v.id(), seen::add);
        try {
            pushes.refreshAll();
            assertThat(seen).isNotEmpty();
            assertThat(seen.get(seen.size() - 1).gates()).hasSize(1);

            asAdmin(() -> {
                Gate second = venues.createGate(v.id(), new GateDraft("G2", "门 2", "Gate 2"));
                venues.registerDevice(second.id(), "DEV-G2");
                venues.setDeviceStatus(v.device(0).id(), DeviceStatus.DISABLED);
            });

            VenueStats pushed = nextPushWhere(seen, pushes, s -> s.gates().size() == 2 && s.devices().size() == 2
                    && s.devices().stream().anyMatch(d -> d.device().status() == DeviceStatus.DISABLED));
            assertThat(pushed.gates()).extracting(g -> g.gate().code()).containsExactly("G1", "G2");
            assertThat(live.venue(v.id(), null).gates()).hasSize(2);
        } finally {
            subscription.remove();
        }
    }

    @Test
    void aVenueCreatedByAnAdminIsOnTheOverviewAtOnce() {
        TestVenue v = new VerdictFixture(context).newVenue("测试区", 1);
        signIn("official", Role.OFFICIAL);
        assertThat(live.overview(null)).extracting(s -> s.venue().id()).contains(v.id());
    }

    /** Push rounds (pending changes only) until a push shows {@code wanted}; a round may also be the timer's. */
    private static VenueStats nextPushWhere(List<VenueStats> seen, LivePushes pushes, Predicate<VenueStats> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            pushes.flush();
            for (VenueStats s : seen) {
                if (wanted.test(s)) {
                    return s;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No push showed the registry change within 10 s; pushes: " + seen.size());
    }

    private static void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
