package org.gateboard.live.ui;

import com.vaadin.flow.router.QueryParameters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code ?date=YYYY-MM-DD} of dashboard URLs; missing, malformed or future means today. */
final class DateParameter {

    private DateParameter() {
    }

    static LocalDate read(QueryParameters query, LocalDate today) {
        return query.getSingleParameter("date").map(s -> {
            try {
                LocalDate d = LocalDate.parse(s);
                return d.isAfter(today) ? today : d;
            } catch (DateTimeParseException e) {
                return today;
            }
        }).orElse(today);
    }
}
