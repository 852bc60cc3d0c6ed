package org.gateboard.live;

import org.springframework.context.ApplicationContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today's figures of one venue as the live views assemble them: from the live counters and the registry read
 * afresh (so a venue a test has just made is in it), on the application's clock.
 */
final class TodaysFigures {

    private TodaysFigures() {
    }

    static VenueStats of(ApplicationContext context, long venueId) {
        return of(context, venueId, context.getBean(Clock.class).millis());
    }

    /** As of {@code nowMs}: two readings compare equal only as of one moment, since the gates' windows move on. */
    static VenueStats of(ApplicationContext context, long venueId, long nowMs) {
        Registry.Snapshot registry = context.getBean(Registry.class).reload();
        LocalDate today = LocalDate.now(context.getBean(Clock.class).withZone(context.getBean(ZoneId.class)));
        return context.getBean(StatsAssembler.class).stats(registry.venue(venueId).orElseThrow(), today, true,
                context.getBean(LiveCounters.class).today(venueId), registry, nowMs);
    }
}
