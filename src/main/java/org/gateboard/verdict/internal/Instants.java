package org.gateboard.verdict.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Instants on the ingestion hot path. A batch of 500 verdicts has 500 times to read and 1,000 to write;
 * java.time's general formatters showed up as a large share of a request's CPU, so the one shape devices
 * send ({@code 2020-02-24T08:59:31.250+08:00}) is read and the one shape MariaDB takes is written by hand.
 * Anything else goes through {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which stays the definition.
 */
public final class Instants {

    private Instants() {
    }

    /** An ISO-8601 date-time with an offset, as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it. */
    public static Instant parseOffsetDateTime(String text) {
        Instant fast = fastParse(text);
        return fast != null ? fast
                : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC, for a DATETIME(3) column read in a UTC session; years 1000-9999. */
    public static String utcMillis(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        char[] c = new char[23];
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            throw new DateTimeException("Year out of range for DATETIME: " + year);
        }
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or null to leave the text to the general parser. */
    static Instant fastParse(String s) {
        int n = s.length();
        if (n < 20 || n > 35 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int digits = i - start;
            if (digits < 1 || digits > 9) {
                return null;
            }
            nanos = number(s, start, digits);
            for (int k = digits; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = number(s, i + 1, 2);
            int om = number(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || oh == 18 && om > 0) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("Invalid date", s, 0);
        }
        long epochSecond = date.toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    private static int number(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
