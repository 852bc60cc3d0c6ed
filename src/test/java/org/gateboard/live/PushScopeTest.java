package org.gateboard.live;

import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserAccount;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.security.TestAccounts.asAdmin;

/** A push is for whoever may see the venue now, not for whoever could when the page was opened. */
class PushScopeTest extends DatabaseTest {

    @Autowired
    LiveStatsService live;
    @Autowired
    UserService users;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aManagerRemovedFromAVenueGetsNoMoreOfItsPushesWhileAnOfficialStillDoes() {
        VerdictFixture fixture = new VerdictFixture(context);
        LivePushes pushes = new LivePushes(context);
        TestVenue a = fixture.newVenue("测试区", 1);
        TestVenue b = fixture.newVenue("测试区", 1);
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(a.id(), b.id()));
        List<VenueStats> managerVenuePushes = new CopyOnWriteArrayList<>();
        List<List<VenueSummary>> managerOverviewPushes = new CopyOnWriteArrayList<>();
        List<VenueStats> officialPushes = new CopyOnWriteArrayList<>();
        signIn(manager, Role.MANAGER);
        var venueSubscription = live.subscribeVenue(a.id(), managerVenuePushes::add);
        var overviewSubscription = live.subscribeOverview(managerOverviewPushes::add);
        signIn("official", Role.OFFICIAL);
        var officialSubscription = live.subscribeVenue(a.id(), officialPushes::add);
        try {
            pushes.refreshAll();
            assertThat(managerVenuePushes).isNotEmpty();
            assertThat(venueIds(last(managerOverviewPushes))).contains(a.id(), b.id());

            asAdmin(() -> {
                UserAccount account = users.list().stream().filter(u -> u.username().equals(manager))
                        .findFirst().orElseThrow();
                users.update(account.withChanges(account.displayName(), Role.MANAGER, Set.of(b.id()),
                        account.enabled(), false));
            });
            // rounds run on a timer as well; once the official has had two more, any round that began before
            // the change is over
            int officialBefore = officialPushes.size();
            while (officialPushes.size() < officialBefore + 2) {
                pushes.refreshAll();
            }
            int managerAfterChange = managerVenuePushes.size();
            int overviewAfterChange = managerOverviewPushes.size();
            int officialNow = officialPushes.size();
            pushes.refreshAll();
            pushes.refreshAll();

            assertThat(officialPushes.size()).isGreaterThan(officialNow);
            assertThat(managerVenuePushes).hasSize(managerAfterChange);
            assertThat(managerOverviewPushes.size()).isGreaterThan(overviewAfterChange);
            assertThat(venueIds(last(managerOverviewPushes))).contains(b.id()).doesNotContain(a.id());
                } finally {
            venueSubscription.remove();
            overviewSubscription.remove();
            officialSubscription.remove();
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static List<Long> venueIds(List<VenueSummary> cards) {
        return cards.stream().map(s -> s.venue().id()).toList();
    }

    private static void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
