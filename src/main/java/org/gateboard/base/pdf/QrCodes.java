package org.gateboard.base.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * QR codes drawn as vector squares into a PDF, so they print sharp at any size. Error correction M (15 % of
 * the code may be soiled or torn and it still scans), as the posters need; the quiet zone is left to the
 * layout (white space around the code).
 */
public final class QrCodes {

    public static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;

    private QrCodes() {
    }

    /** The code's modules (without quiet zone), or empty when the text does not fit in a QR code at level M. */
    public static Optional<BitMatrix> encode(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, LEVEL, EncodeHintType.MARGIN, 0,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
            return Optional.of(m);
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The modules per side of the code for this text at level M, or -1 when it does not fit at all. */
    public static int modules(String text) {
        return encode(text).map(BitMatrix::getWidth).orElse(-1);
    }

    /** The code as a vector image {@code width} points wide, to place in a table cell or on the page. */
    public static Image image(PdfContentByte canvas, String text, float width) {
        BitMatrix m = encode(text).orElseThrow(() -> new IllegalArgumentException("Text does not fit a QR code"));
        int n = m.getWidth();
        float module = width / n;
        PdfTemplate t = canvas.createTemplate(width, width);
        t.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && m.get(x, y)) {
                    x++;
                }
                // one rectangle per run of dark modules: fewer operators, no hairline gaps between neighbours
                t.rectangle(start * module, width - (y + 1) * module, (x - start) * module, module);
            }
        }
        t.fill();
        try {
            return Image.getInstance(t);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }
}
