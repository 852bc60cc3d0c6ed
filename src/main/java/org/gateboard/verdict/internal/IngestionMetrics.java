package org.gateboard.verdict.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verdicts accepted, duplicate and rejected per venue, tagged with the venue code (stable and readable on
 * a Prometheus dashboard, unlike the database id). Request latency is Spring's {@code http.server.requests}.
 */
@Component
class IngestionMetrics {

    private record VenueCounters(Counter accepted, Counter duplicate, Counter rejected) {
    }

    private final MeterRegistry meters;
    private final VenueService venues;
    private final Map<Long, VenueCounters> counters = new ConcurrentHashMap<>();

    IngestionMetrics(MeterRegistry meters, VenueService venues) {
        this.meters = meters;
        this.venues = venues;
    }

    void record(long venueId, int accepted, int duplicates, int rejected) {
        VenueCounters c = counters.computeIfAbsent(venueId, this::create);
        c.accepted().increment(accepted);
        c.duplicate().increment(duplicates);
        c.rejected().increment(rejected);
    }

    private VenueCounters create(long venueId) {
        String code = venues.venue(venueId).map(Venue::code).orElse(String.valueOf(venueId));
        return new VenueCounters(counter("accepted", code), counter("duplicate", code), counter("rejected", code));
    }

    private Counter counter(String result, String venueCode) {
        return Counter.builder("gateboard.verdicts")
                .description("Verdicts received from gate devices, by result")
                .tag("result", result).tag("venue", venueCode).register(meters);
    }
}
