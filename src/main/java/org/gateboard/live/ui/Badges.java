package org.gateboard.live.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;

import java.util.function.Function;

/** Small coloured labels (warnings, online/offline) drawn with Lumo colours. */
final class Badges {

    /** A cell's label; tone null is plain text. */
    record Label(String text, String tone) {
    }

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
        s.getStyle().set("color", text).set("background", background(tone))
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0.1em 0.5em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500").set("white-space", "nowrap");
    }

    /**
     * A grid column's labels drawn in the browser from two strings per row. Component columns would keep a
     * server-side component and state node per cell and re-create them on every push, for every open screen.
     */
    static <T> LitRenderer<T> renderer(Function<T, Label> label) {
        return LitRenderer.<T>of("<span style=\"${item.css}\">${item.text}</span>")
                .withProperty("text", t -> label.apply(t).text())
                .withProperty("css", t -> label.apply(t).tone() == null ? "" : css(label.apply(t).tone()));
    }

    private static String background(String tone) {
        return "contrast".equals(tone) ? "var(--lumo-contrast-10pct)"
                : "warning".equals(tone) ? "var(--lumo-warning-color-10pct, hsla(45, 100%, 50%, 0.15))"
                : "var(--lumo-" + tone + "-color-10pct)";
    }

    private static String css(String tone) {
        String text = "contrast".equals(tone) ? "var(--lumo-secondary-text-color)" : "var(--lumo-" + tone + "-text-color)";
        return "color: " + text + "; background: " + background(tone) + "; border-radius: var(--lumo-border-radius-m);"
                + " padding: 0.1em 0.5em; font-size: var(--lumo-font-size-s); font-weight: 500; white-space: nowrap";
    }
}
