package org.gateboard.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveUpdatesTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final LiveUpdates updates = new LiveUpdates(new LiveSettings(Duration.ofMillis(500), Duration.ofSeconds(10),
            Duration.ofMinutes(2), 30, 20, 0.8, 5, 0.2, 20, Duration.ofMinutes(1), Duration.ofMillis(250),
            Duration.ofSeconds(5), Duration.ofSeconds(15)), meters);

    @Test
    void aBurstOfChangesBecomesOnePushPerRound() {
        List<Integer> pushes = new ArrayList<>();
        int[] computed = {0};
        updates.subscribe(7, () -> true, memo -> ++computed[0], pushes::add);
        for (int i = 0; i < 10_000; i++) {
            updates.changed(7);
        }
        updates.round(false, false);
        updates.round(false, false);
        assertThat(pushes).containsExactly(1);
    }

    @Test
    void onlySubscribersOfTheChangedVenueAndCityWideOnesArePushed() {
        List<String> pushes = new ArrayList<>();
        updates.subscribe(1, () -> true, memo -> "one", pushes::add);
        updates.subscribe(2, () -> true, memo -> "two", pushes::add);
        updates.subscribe(LiveUpdates.ALL, () -> true, memo -> "all", pushes::add);
        updates.changed(2);
        updates.round(false, false);
        assertThat(pushes).containsExactlyInAnyOrder("two", "all");
    }

    @Test
    void aSnapshotIsBuiltOncePerRoundForAllSubscribersOfAVenue() {
        int[] built = {0};
        List<Object> pushes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            updates.subscribe(3, () -> true, memo -> memo.computeIfAbsent("v3", k -> ++built[0]), pushes::add);
        }
        updates.changed(3);
        updates.round(false, false);
        assertThat(pushes).hasSize(50);
        assertThat(built[0]).isEqualTo(1);
    }

    @Test
    void removedSubscribersGetNothing() {
        List<String> pushes = new ArrayList<>();
        var registration = updates.subscribe(4, () -> true, memo -> "x", pushes::add);
        registration.remove();
        updates.changed(4);
        updates.round(false, false);
        assertThat(pushes).isEmpty();
        assertThat(subscriptions()).isZero();
    }

    @Test
    void aSubscriberThatMayNoLongerSeeItsVenueIsDroppedBeforeItsNextPush() {
        List<String> pushes = new ArrayList<>();
        boolean[] allowed = {true};
        updates.subscribe(5, () -> allowed[0], memo -> "five", pushes::add);
        updates.changed(5);
        updates.round(false, false);

        allowed[0] = false;
        updates.changed(5);
        updates.round(false, false);
        allowed[0] = true;
        updates.round(true, false);

        assertThat(pushes).containsExactly("five");
        assertThat(subscriptions()).isZero();
    }

    /** Open subscriptions, as the gauge tells operators. */
    private double subscriptions() {
        return meters.get("gateboard.live.subscriptions").gauge().value();
    }
}
