package org.gateboard.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GateWindowTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void arrivalsCountOnlyTheLastFiveMinutesByScanTime() {
        GateWindow w = new GateWindow();
        w.arrival(NOW - 10_000, NOW, 1);
        w.arrival(NOW - 4 * 60_000, NOW, 2);
        w.arrival(NOW - 6 * 60_000, NOW, 100);
        w.arrival(NOW + 60_000, NOW, 1);
        assertThat(w.arrivals(NOW)).isEqualTo(4);
        assertThat(w.arrivals(NOW + 5 * 60_000)).as("all older than five minutes later").isZero();
    }

    @Test
    void medianCheckTimeIsExactAtAGatesPaceAndForgetsAfterTenMinutes() {
        GateWindow w = new GateWindow();
        for (double s : new double[]{4, 40, 10, 12}) {
            w.check(NOW - 60_000, NOW, s);
        }
        assertThat(w.medianCheck(NOW)).isEqualTo(new GateWindow.Median(11.0, 4));
        w.check(NOW, NOW, 100);
        assertThat(w.medianCheck(NOW).seconds()).isEqualTo(12.0);
        assertThat(w.medianCheck(NOW + 11 * 60_000)).isEqualTo(new GateWindow.Median(null, 0));
    }

    @Test
    void medianStaysCloseUnderABurstWhileMemoryStaysFixed() {
        GateWindow w = new GateWindow();
        for (int i = 0; i < 100_000; i++) {
            w.check(NOW - (i % 540) * 1000L, NOW, 5 + (i % 21));
        }
        GateWindow.Median m = w.medianCheck(NOW);
        assertThat(m.checks()).isEqualTo(100_000);
        assertThat(m.seconds()).isBetween(13.0, 17.0);
    }
}
