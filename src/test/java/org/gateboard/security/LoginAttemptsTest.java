package org.gateboard.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptsTest {

    private static final Instant NOW = Instant.parse("2020-02-24T01:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    @Test
    void theFifthWrongPasswordLocksForFifteenMinutes() {
        LoginAttempts.State state = new LoginAttempts.State(0, null);
        for (int i = 1; i <= 4; i++) {
            state = state.afterFailure(NOW, 5, LOCK);
            assertThat(state.lockedAt(NOW)).as("after %d failures", i).isFalse();
        }

        state = state.afterFailure(NOW, 5, LOCK);

        assertThat(state.failedLogins()).isEqualTo(5);
        assertThat(state.lockedUntil()).isEqualTo(NOW.plus(LOCK));
        assertThat(state.lockedAt(NOW.plus(LOCK).minusMillis(1))).isTrue();
        assertThat(state.lockedAt(NOW.plus(LOCK))).isFalse();
    }

    @Test
    void aWrongPasswordAfterTheLockRanOutStartsANewSeriesInsteadOfLockingAtOnce() {
        LoginAttempts.State expired = new LoginAttempts.State(5, NOW.minusSeconds(1));

        LoginAttempts.State next = expired.afterFailure(NOW, 5, LOCK);

        assertThat(next.failedLogins()).isEqualTo(1);
        assertThat(next.lockedUntil()).isNull();
    }
}
