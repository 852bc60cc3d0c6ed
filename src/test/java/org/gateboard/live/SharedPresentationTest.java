package org.gateboard.live;

import com.vaadin.flow.shared.Registration;
import org.gateboard.base.Role;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many screens of one venue cost one presentation per push round: every subscriber whose presenter is equal
 * gets the very same result, and the presenter runs once per round for the venue, not once per screen.
 */
class SharedPresentationTest extends DatabaseTest {

    private static final int SCREENS = 40;

    @Autowired
    LiveStatsService live;
    @Autowired
    ApplicationContext context;

    /** Presents a venue in one "language"; equal presenters share their results. */
    record Presenter(String language, AtomicInteger calls) implements Function<VenueStats, String> {
        @Override
        public String apply(VenueStats stats) {
            calls.incrementAndGet();
            return language + ":" + stats.summary().admitted();
        }
    }

    record CardPresenter(String language, AtomicInteger calls) implements Function<VenueSummary, String> {
        @Override
        public String apply(VenueSummary summary) {
            calls.incrementAndGet();
            return language + ":" + summary.venue().code();
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRoundPresentsAVenueOnceForAllItsScreensOfOneLanguage() {
        TestVenue v = new VerdictFixture(context).newVenue("测试区", 1);
        LivePushes pushes = new LivePushes(context);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "official", null, List.of(new SimpleGrantedAuthority(Role.OFFICIAL.authority()))));
        AtomicInteger chinese = new AtomicInteger();
        AtomicInteger english = new AtomicInteger();
        AtomicInteger cards = new AtomicInteger();
        Collection<String> venuePushes = new ConcurrentLinkedQueue<>();
        Collection<String> englishPushes = new ConcurrentLinkedQueue<>();
        Collection<List<String>> overviewPushes = new ConcurrentLinkedQueue<>();
        List<Registration> registrations = new ArrayList<>();
        try {
            for (int i = 0; i < SCREENS; i++) {
                // a new presenter per screen, as every view makes its own: equal, not the same
                registrations.add(live.subscribeVenue(v.id(), new Presenter("zh", chinese), venuePushes::add));
                registrations.add(live.subscribeOverview(new CardPresenter("zh", cards), overviewPushes::add));
            }
            registrations.add(live.subscribeVenue(v.id(), new Presenter("en", english), englishPushes::add));

            // the timer's rounds run as well: a screen still busy with one of their pushes skips a round, and
            // their pushes may land in between, so the counts are taken over one round that reached everyone
            boolean seen = false;
            int venues = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!seen && System.nanoTime() < deadline) {
                venuePushes.clear();
                englishPushes.clear();
                overviewPushes.clear();
                int chineseBefore = chinese.get();
                int englishBefore = english.get();
                int cardsBefore = cards.get();
                pushes.refreshAll();
                venues = overviewPushes.isEmpty() ? 0 : overviewPushes.iterator().next().size();
                seen = venuePushes.size() == SCREENS && distinct(venuePushes) == 1
                        && chinese.get() - chineseBefore == 1
                        && englishPushes.size() == 1 && english.get() - englishBefore == 1
                        && overviewPushes.size() == SCREENS && venues > 0
                        && distinct(overviewPushes.stream().flatMap(List::stream).toList()) == venues
                        && cards.get() - cardsBefore == venues;
            }

            assertThat(seen).as("a round in which %d screens of a venue got one presentation, one more for the"
                    + " other language, and %d overviews one card per venue", SCREENS, SCREENS).isTrue();
            assertThat(venuePushes.iterator().next()).startsWith("zh:");
            assertThat(englishPushes.iterator().next()).startsWith("en:");
            assertThat(overviewPushes.iterator().next()).contains("zh:" + v.venue().code());
        } finally {
            registrations.forEach(Registration::remove);
        }
    }

    /** How many different result instances the pushes carried. */
    private static int distinct(Collection<String> pushes) {
        Map<String, Boolean> instances = new IdentityHashMap<>();
        pushes.forEach(p -> instances.put(p, true));
        return instances.size();
    }
}
