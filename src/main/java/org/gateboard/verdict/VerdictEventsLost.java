package org.gateboard.verdict;

/**
 * Some {@link VerdictsStored} or {@link DeviceReported} events were not delivered (listeners fell behind,
 * or a step after a commit failed): their data is in the database but no listener saw it. Published on the
 * thread that noticed, so a listener must only take note and return.
 */
public record VerdictEventsLost() {
}
