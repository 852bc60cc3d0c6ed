package org.gateboard.refusal;

import org.gateboard.venue.Venue;

/** Unreviewed refusals of one venue by age: under a day, one to three days, three days up to the queue's window. */
public record QueueEntry(Venue venue, long underOneDay, long oneToThreeDays, long older) {

    public long total() {
        return underOneDay + oneToThreeDays + older;
    }
}
