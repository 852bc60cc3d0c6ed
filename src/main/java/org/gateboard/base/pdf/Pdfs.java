package org.gateboard.base.pdf;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font every printed page uses, brought by the application itself (a fresh server has no CJK font):
 * Noto Sans SC Regular under the SIL Open Font License, in {@code src/main/resources/fonts} (see the README
 * there). OpenPDF embeds only the glyphs a document uses, so a page of Chinese stays some tens of kilobytes.
 */
public final class Pdfs {

    static final String FONT_RESOURCE = "/fonts/NotoSansSC_400Regular.ttf";
    private static volatile byte[] fontBytes;

    private Pdfs() {
    }

    /**
     * A fresh font object for one document: Identity-H, embedded as a subset. One per document, because the
     * subset is written from the font object's state when the document closes, and documents may be written
     * on several threads at once. The file is read from the class path once and kept (about 10 MB).
     */
    public static BaseFont cjkFont() {
        try {
            return BaseFont.createFont("NotoSansSC_400Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    false, fontBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Millimetres to PDF points. */
    public static float mm(double millimetres) {
        return (float) (millimetres * 72 / 25.4);
    }

    private static byte[] fontBytes() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            synchronized (Pdfs.class) {
                if (fontBytes == null) {
                    try (InputStream in = Pdfs.class.getResourceAsStream(FONT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The CJK font " + FONT_RESOURCE + " is not on the class path");
                        }
                        fontBytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                bytes = fontBytes;
            }
        }
        return bytes;
    }
}
