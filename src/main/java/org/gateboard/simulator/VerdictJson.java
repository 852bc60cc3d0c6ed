package org.gateboard.simulator;

import org.gateboard.verdict.RefusalReason;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes verdicts as the device protocol wants them, by hand: a load generator must not be the bottleneck. */
final class VerdictJson {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.ofHours(8));

    private VerdictJson() {
    }

    static String batch(List<SimulatedVerdict> verdicts) {
        StringBuilder s = new StringBuilder(verdicts.size() * 420).append("{\"verdicts\":[");
        for (int i = 0; i < verdicts.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            append(s, verdicts.get(i));
        }
        return s.append("]}").toString();
    }

    static void append(StringBuilder s, SimulatedVerdict v) {
        s.append("{\"id\":\"").append(v.id()).append("\",\"scannedAt\":\"").append(instant(v.scannedAt()))
                .append("\",\"outcome\":\"").append(v.outcome()).append("\",\"reasons\":[");
        boolean first = true;
        for (RefusalReason r : v.reasons()) {
            s.append(first ? "\"" : ",\"").append(r).append('"');
            first = false;
        }
        s.append("],\"codeColor\":").append(quoted(v.codeColor()))
                .append(",\"channel\":").append(quoted(v.channel()))
                .append(",\"photoOnCode\":").append(v.photoOnCode())
                .append(",\"idChecked\":").append(v.idChecked())
                .append(",\"maskWorn\":").append(v.maskWorn())
                .append(",\"temperatureC\":").append(v.temperatureC().toPlainString())
                .append(",\"personRole\":\"").append(v.personRole()).append('"');
        if (v.personName() != null) {
            s.append(",\"personName\":\"").append(v.personName()).append('"');
        }
        if (v.idNumber() != null) {
            s.append(",\"idNumber\":\"").append(v.idNumber()).append('"');
        }
        s.append(",\"checkSeconds\":").append(v.checkMillis() / 1000.0)
                .append(",\"policyVersion\":").append(v.policyVersion()).append('}');
    }

    static String instant(Instant at) {
        return INSTANT.format(at);
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
