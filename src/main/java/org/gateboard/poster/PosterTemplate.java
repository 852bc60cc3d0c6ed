package org.gateboard.poster;

import org.gateboard.base.pdf.PaperSize;
import org.gateboard.verdict.Channel;

/**
 * The city-wide template of one channel's poster: title, general instructions, footer (issuing office) and the
 * appeal hint (我要申诉), and the paper and language a new venue poster starts with.
 */
public record PosterTemplate(Channel channel, String titleZh, String titleEn, String instructionsZh,
                             String instructionsEn, String footerZh, String footerEn, String appealZh,
                             String appealEn, PaperSize paperSize, PosterLanguage language) {
}
