package org.gateboard.live.ui;

import com.vaadin.flow.component.html.Span;

/** Small coloured labels (warnings, online/offline) drawn with Lumo colours. */
final class Badges {

    private Badges() {
    }

    static Span badge(String text, String tone) {
        Span s = new Span(text);
        style(s, tone);
        return s;
    }

    /** tone: error, success, warning or contrast. */
    static void style(Span s, String tone) {
        String text = "contrast".equals(tone) ? "var(--lumo-secondary-text-color)" : "var(--lumo-" + tone + "-text-color)";
        String background = "contrast".equals(tone) ? "var(--lumo-contrast-10pct)"
                : "warning".equals(tone) ? "var(--lumo-warning-color-10pct, hsla(45, 100%, 50%, 0.15))"
                : "var(--lumo-" + tone + "-color-10pct)";
        s.getStyle().set("color", text).set("background", background)
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0.1em 0.5em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500").set("white-space", "nowrap");
    }
}
