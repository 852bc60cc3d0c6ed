package org.gateboard.verdict.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantsTest {

    @Test
    void readsTimesExactlyAsTheIsoFormatterDoes() {
        List<String> samples = new ArrayList<>(List.of("2020-02-24T08:59:31.250+08:00", "2020-02-24T00:59:31Z",
                "2024-02-29T23:59:59.999999999-05:30", "2024-12-31T23:59:59.1+14:00", "2021-06-01T12:00:00-18:00",
                "2021-06-01T12:00+08:00", "2021-06-01t12:00:00z", "2021-06-01T12:00:00+08:00:30",
                "2021-06-01T12:00:00.1234567890+08:00", "2021-02-29T12:00:00Z", "2021-06-01T24:00:00Z",
                "2021-06-01T12:60:00Z", "2021-06-01T12:00:60Z", "2021-06-01T12:00:00+19:00", "2021-06-01T12:00:00",
                "2021-6-01T12:00:00Z", "2021-06-01T12:00:00.Z", "+12021-06-01T12:00:00Z", "2021-06-01 12:00:00Z",
                "2021-13-01T12:00:00Z", "2021-00-10T12:00:00Z", "2021-06-00T12:00:00Z", "2021-06-01T12:00:00+0800"));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Instant at = Instant.ofEpochSecond(1_580_000_000L + random.nextInt(400_000_000), random.nextInt(1_000_000_000));
            int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 30 : 0);
            samples.add(OffsetDateTime.ofInstant(at, java.time.ZoneOffset.ofTotalSeconds(
                    Math.max(-64800, Math.min(64800, offsetMinutes * 60)))).toString());
        }
        for (String text : samples) {
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (RuntimeException e) {
                assertThatThrownBy(() -> Instants.parseOffsetDateTime(text)).as(text).isInstanceOf(RuntimeException.class);
                continue;
            }
            assertThat(Instants.parseOffsetDateTime(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void writesUtcToTheMillisecondForDatetimeColumns() {
        assertThat(Instants.utcMillis(Instant.parse("2020-02-24T00:59:31.250987Z"))).isEqualTo("2020-02-24 00:59:31.250");
        assertThat(Instants.utcMillis(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02 03:04:05.000");
    }
}
