package org.gateboard.live.api;

import org.gateboard.base.UserFacingException;
import org.gateboard.live.LiveStatsService;
import org.gateboard.live.VenueSummary;
import org.gateboard.live.VenueWarning;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The city overview for big screens and scripts: {@code GET /api/v1/stats/venues?date=YYYY-MM-DD} (today
 * when left out), HTTP Basic as an official or admin (the API security chain requires it).
 */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    /** One venue's day, the same figures as its card on the overview plus the refusal breakdowns. */
    record VenueDay(long venueId, String code, String nameZh, String nameEn, String level, String district,
                    LocalDate date, boolean live, long admitted, long refused, double refusalRate, long nonConforming,
                    Double arrivalsPerMinute, Integer onlineGates, int gates, Set<VenueWarning> warnings,
                    Map<RefusalReason, Long> refusalsByReason, Map<PersonRole, Long> refusalsByRole) {
    }

    /** The notice took effect then: no venue has figures before, and far-off dates break date arithmetic. */
    static final LocalDate FIRST_DAY = LocalDate.of(2020, 2, 23);

    private final LiveStatsService live;

    StatsController(LiveStatsService live) {
        this.live = live;
    }

    @GetMapping("/venues")
    List<VenueDay> venues(@RequestParam(required = false) String date) {
        LocalDate day = parse(date);
        try {
            // one snapshot per venue, so its totals and breakdowns agree with each other
            return live.allVenues(day).stream().map(stats -> {
                VenueSummary s = stats.summary();
                Map<PersonRole, Long> byRole = stats.byRole().stream()
                        .collect(Collectors.toMap(r -> r.role(), r -> r.refused(), (a, b) -> a,
                                () -> new java.util.EnumMap<>(PersonRole.class)));
                return new VenueDay(s.venue().id(), s.venue().code(), s.venue().nameZh(), s.venue().nameEn(),
                        s.venue().level().name(), s.venue().district(), s.date(), s.live(), s.admitted(), s.refused(),
                        Math.round(s.refusalRate() * 10_000) / 10_000.0, s.nonConforming(), s.arrivalsPerMinute(),
                        s.onlineGates(), s.gates(), s.warnings(), stats.refusalsByReason(), byRole);
            }).toList();
        } catch (UserFacingException e) {
            throw badRequest("The date " + date + " is in the future; choose today or an earlier day.");
        }
    }

    private static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            String text = date.trim();
            // YYYY-MM-DD is ten characters; longer forms (+999999999-12-31) are not meant
            day = text.length() > 10 ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            throw badRequest("The date must be written YYYY-MM-DD (for example 2020-02-24), not '"
                    + (date.length() > 40 ? date.substring(0, 40) + "…" : date) + "'.");
        }
        if (day.isBefore(FIRST_DAY)) {
            throw badRequest("The date " + day + " is before 2020-02-23, when health-code admission began;"
                    + " choose that day or a later one.");
        }
        return day;
    }

    private static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad date");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
