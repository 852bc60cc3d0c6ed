package org.gateboard.live;

import org.gateboard.venue.Gate;

/**
 * One gate's day. The live figures (median check time, arrival rate, queue warning, online) are null or
 * false for past days.
 *
 * @param medianCheckSeconds median check time over the last 10 minutes, null without timed checks
 * @param timedChecks        how many checks with a time the median is taken over
 * @param arrivalsPerMinute  verdicts per minute over the last 5 minutes (by scan time)
 */
public record GateStats(Gate gate, long admitted, long refused, Double medianCheckSeconds, long timedChecks,
                        Double arrivalsPerMinute, boolean queueWarning, boolean online) {
}
