package org.gateboard.base.pdf;

import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;

/** The paper Gateboard prints on, portrait. */
public enum PaperSize {
    A4(PageSize.A4),
    A3(PageSize.A3);

    private final Rectangle page;

    PaperSize(Rectangle page) {
        this.page = page;
    }

    /** The page in PDF points (1/72 inch), portrait. */
    public Rectangle page() {
        return new Rectangle(page);
    }

    /** How much larger than A4 each side is (A3: √2), for scaling a layout drawn for A4. */
    public float scale() {
        return page.getWidth() / PageSize.A4.getWidth();
    }
}
