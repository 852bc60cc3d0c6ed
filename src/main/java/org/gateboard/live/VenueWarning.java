package org.gateboard.live;

/** Why a venue's card carries a warning badge. */
public enum VenueWarning {
    /** At least one gate shows a queue warning (see {@link GateStats#queueWarning()}). */
    QUEUE,
    /** At least one active device has not made contact for the offline limit (2 minutes). */
    DEVICE_OFFLINE,
    /** At least one device reports another policy version than the one in force at its venue for over 5 minutes. */
    POLICY_OUTDATED,
    /** The refusal rate is at or over the configured limit (with enough verdicts to mean something). */
    HIGH_REFUSAL_RATE,
    /** Some verdicts of the day contradict the policy they name. */
    NON_CONFORMING,
    /** The venue's printed QR poster is older than its published one (see the poster feature). */
    POSTER_OUTDATED
}
