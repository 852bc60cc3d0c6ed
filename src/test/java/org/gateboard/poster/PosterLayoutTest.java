package org.gateboard.poster;

import org.gateboard.base.pdf.PaperSize;
import org.gateboard.base.pdf.PdfPictures;
import org.gateboard.verdict.Channel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout alone, without a database: every channel fits on one page and scans, on both papers. */
class PosterLayoutTest {

    static PosterContent fourChannels(PaperSize size) {
        List<PosterContent.Part> parts = List.of(Channel.values()).stream().map(ch -> new PosterContent.Part(
                new ChannelDefinition(ch, "“随申办”" + ch.name(), "Suishenban " + ch.name(),
                        "https://zwdt.sh.gov.cn/ssb/" + ch.name().toLowerCase() + "?src=venue-poster",
                        "打开“随申办”APP“扫一扫”扫描此码，或在首页点击“随申码”，经实人认证后亮码。",
                        "Scan with the Suishenban app, or tap Suishenma on its home page; the code shows after face authentication.",
                        ch != Channel.HEALTH_CLOUD),
                new PosterTemplate(ch, "请扫码出示“随申码”", "Scan to show your Suishenma health code",
                        "进入交易场所须主动出示“随申码”，经工作人员核验为绿色方可进入；“随申码”无照片的，请同时出示有效居民身份证。请佩戴口罩，配合体温检测。",
                        "Show your Suishenma code to enter; only green may enter. A code without a photo needs your resident ID card. Wear a mask and have your temperature taken.",
                        "上海市建设工程交易服务中心　上海市建设工程招标投标管理办公室",
                        "Shanghai Construction Project Trading Service Centre · Shanghai Construction Project Bidding Administration Office",
                        "对“随申码”数据有异议的，可点击“随申码”下方“我要申诉”留言。",
                        "If your code's data is wrong, use 我要申诉 (Appeal) below the code.", size,
                        PosterLanguage.ZH_EN))).toList();
        return new PosterContent("SH-CITY", "上海市建设工程交易服务中心", "Shanghai Construction Project Trading Service Centre",
                "一楼大厅入口管控处", "Ground-floor lobby control point", "上海市徐汇区（示例地址）", "Xuhui District",
                "工作日 8:30–17:00 开放。递交投标文件的，请预留排队核验时间，提前到达；请在黄线外排队，保持一米间距。",
                "Open on working days 8:30–17:00. Delivering bid documents? Allow time for the queue and the code check. Queue behind the yellow line, one metre apart.",
                size, PosterLanguage.ZH_EN, parts);
    }

    @Test
    void fourChannelsInChineseAndEnglishFitOnePageAndAllScan() throws Exception {
        for (PaperSize size : PaperSize.values()) {
            PosterContent c = fourChannels(size);
            byte[] pdf = PosterRenderer.sheet(c, size, "SH-CITY · v1 · 0123abcd");
            Files.write(Path.of("target", "poster-layout-" + size + ".pdf"), pdf);
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).as(size.name()).isEqualTo(1);
            }
            assertThat(Scans.decodeAll(PdfPictures.page(pdf, 0, 100))).as(size.name())
                    .containsExactlyInAnyOrderElementsOf(c.parts().stream().map(p -> p.channel().payload()).toList());
        }
    }

    @Test
    void aSingleChannelPosterFitsOnePage() throws Exception {
        PosterContent c = fourChannels(PaperSize.A4);
        byte[] pdf = PosterRenderer.channel(c, Channel.ALIPAY, PaperSize.A4, "SH-CITY · v1 · 0123abcd");
        Files.write(Path.of("target", "poster-layout-alipay.pdf"), pdf);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(Scans.decodeAll(PdfPictures.page(pdf, 0, 100))).containsExactly(
                c.parts().get(1).channel().payload());
    }
}
