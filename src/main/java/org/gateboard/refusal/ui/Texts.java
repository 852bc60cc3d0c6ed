package org.gateboard.refusal.ui;

import com.vaadin.flow.component.Component;
import org.gateboard.verdict.RefusalReason;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How the refusal views write times, reasons and non-conformance. */
final class Texts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Texts() {
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    static String reasons(Component c, Set<RefusalReason> reasons) {
        return reasons.stream().sorted().map(r -> c.getTranslation("verdict.reason." + r.name()))
                .collect(Collectors.joining(", "));
    }

    /** The broken rules, comma-separated as stored, in words; empty when the verdict conformed. */
    static String rules(Component c, String nonConformance) {
        if (nonConformance == null || nonConformance.isBlank()) {
            return "";
        }
        return Arrays.stream(nonConformance.split(",")).map(r -> c.getTranslation("verdict.rule." + r.trim()))
                .collect(Collectors.joining("; "));
    }

    static String orDash(Object value) {
        return value == null ? "–" : String.valueOf(value);
    }
}
