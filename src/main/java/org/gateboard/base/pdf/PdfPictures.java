package org.gateboard.base.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Pictures of PDF pages (PDFBox), for previews that must show exactly what prints: the preview is drawn from
 * the very PDF bytes that the print would send, not from a look-alike.
 */
public final class PdfPictures {

    private PdfPictures() {
    }

    /** Page {@code index} (0 = first) at {@code dpi}, in colour. */
    public static BufferedImage page(byte[] pdf, int index, float dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(index, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first page as PNG bytes. */
    public static byte[] firstPageAsPng(byte[] pdf, float dpi) {
        return png(page(pdf, 0, dpi));
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
