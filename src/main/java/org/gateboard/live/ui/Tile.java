package org.gateboard.live.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A big figure with its label, for totals. The figure carries the id tests and scripts look for. */
class Tile extends Div {

    private final Span value = new Span("–");
    private String text = "–";

    Tile(String label, String valueId) {
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        value.setId(valueId);
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        add(caption, value);
        getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "9rem")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)");
    }

    /**
     * Shows the figure. Only a new text touches the element: Vaadin replaces a span's text node even when the
     * text is the same, and sends that with the next push.
     */
    void set(String text) {
        if (!text.equals(this.text)) {
            this.text = text;
            value.setText(text);
        }
    }

    String text() {
        return text;
    }
}
