package org.gateboard.live.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, rates and times as the dashboard shows them: in the reader's language, times in venue time. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Locale locale;
    private final ZoneId zone;

    Locale locale() {
        return locale;
    }

    Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    String decimal(Double value) {
        if (value == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    /** A time of today as hh:mm:ss, an older one with its date; always in venue time. */
    String time(Instant instant, LocalDate today) {
        if (instant == null) {
            return "–";
        }
        var local = instant.atZone(zone);
        return local.toLocalDate().equals(today) ? TIME.format(local) : DATE_TIME.format(local);
    }
}
