package org.gateboard.live.ui;

import com.vaadin.flow.component.html.Span;

/** Small coloured labels (warnings, live or past) drawn with Lumo colours. Table cells have their own. */
final class Badges {

    private Badges() {
    }

    /** tone: error, success, warning or contrast. */
    static void style(Span s, String tone) {
        String text = "contrast".equals(tone) ? "var(--lumo-secondary-text-color)" : "var(--lumo-" + tone + "-text-color)";
        s.getStyle().set("color", text).set("background", background(tone))
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0.1em 0.5em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500").set("white-space", "nowrap");
    }

    private static String background(String tone) {
        return "contrast".equals(tone) ? "var(--lumo-contrast-10pct)"
                : "warning".equals(tone) ? "var(--lumo-warning-color-10pct, hsla(45, 100%, 50%, 0.15))"
                : "var(--lumo-" + tone + "-color-10pct)";
    }
}
