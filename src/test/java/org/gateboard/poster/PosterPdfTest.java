package org.gateboard.poster;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.base.pdf.PdfPictures;
import org.gateboard.security.TestAccounts;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.verdict.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed PDF itself: the codes scan to the published payloads, the Chinese is text, the font travels along. */
class PosterPdfTest extends DatabaseTest {

    @Autowired
    PosterService posters;
    @Autowired
    PosterPrinting printing;

    @Test
    void theCityCentresSheetScansToEveryPublishedPayloadAndCarriesItsChineseText() throws Exception {
        byte[] pdf = TestAccounts.asAdmin(() -> printing.printSheet("SH-CITY", PaperSize.A4));
        PosterVersion published = TestAccounts.asAdmin(() -> posters.published(venueId("SH-CITY")).orElseThrow());

        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("the sheet, its notes and footer on one page").isEqualTo(1);
        }
        List<String> expected = published.content().parts().stream().map(p -> p.channel().payload()).toList();
        assertThat(expected).hasSize(3);
        BufferedImage page = PdfPictures.page(pdf, 0, 150);
        assertThat(Scans.decodeAll(page)).containsExactlyInAnyOrderElementsOf(expected);

        String text = Scans.text(pdf);
        PosterTemplate template = published.content().parts().get(0).template();
        assertThat(Scans.squash(text)).contains(Scans.squash(template.titleZh()), Scans.squash(template.appealZh()),
                Scans.squash(published.content().parts().get(1).channel().instructionsZh()), "我要申诉");
        assertThat(pdf.length).as("bytes").isLessThan(1_000_000);
        // kept for reviewers: docs/images holds a copy of this picture
        ImageIO.write(PdfPictures.page(pdf, 0, 100), "png", new File("target/poster-sh-city-a4.png"));
    }

    @Test
    void theChineseFontIsEmbeddedAsASubsetInEveryPoster() throws Exception {
        byte[] sheet = TestAccounts.asAdmin(() -> printing.printSheet("SH-CITY", PaperSize.A3));
        byte[] alipay = TestAccounts.asAdmin(() -> printing.printChannel("SH-CITY", Channel.ALIPAY, PaperSize.A4));
        for (byte[] pdf : List.of(sheet, alipay)) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDResources resources = doc.getPage(0).getResources();
                List<PDFont> fonts = new ArrayList<>();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
                assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    // a subset's name starts with six capitals and a plus
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
                });
            }
        }
        assertThat(PdfPictures.page(sheet, 0, 30).getHeight()).as("A3 at 30 dpi").isBetween(490, 500);
    }

    @Test
    void aSingleChannelPosterScansToThatChannelsPayload() throws Exception {
        byte[] pdf = TestAccounts.asAdmin(() -> printing.printChannel("SH-CITY", Channel.WECHAT, null));
        String payload = TestAccounts.asAdmin(() -> posters.channels()).stream()
                .filter(c -> c.channel() == Channel.WECHAT).findFirst().orElseThrow().payload();
        assertThat(Scans.decodeAll(PdfPictures.page(pdf, 0, 100))).containsExactly(payload);
        assertThat(Scans.squash(Scans.text(pdf))).contains("“随申办”微信小程序");
    }

    private long venueId(String code) {
        return TestAccounts.asAdmin(() -> posters.statuses()).stream().filter(s -> s.venueCode().equals(code))
                .findFirst().orElseThrow().venueId();
    }
}
