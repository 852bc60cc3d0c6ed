package org.gateboard.live;

/** Verdicts in one hour of the day (venue time), the hour starting at {@code hour}:00. */
public record HourCount(int hour, long admitted, long refused) {
}
