package org.gateboard.poster.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.poster.ChannelDefinition;
import org.gateboard.poster.PosterFixture;
import org.gateboard.poster.PosterPrinting;
import org.gateboard.poster.PosterService;
import org.gateboard.poster.PosterStatus;
import org.gateboard.poster.PosterVersion;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.UiTest;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosterUiTest extends UiTest {

    @Autowired
    PosterService posters;
    @Autowired
    PosterPrinting printing;
    @Autowired
    VenueService venues;
    @Autowired
    UserService users;

    private PosterFixture fixture;

    @BeforeEach
    void venueWithAPoster() {
        fixture = PosterFixture.create(venues, users, posters);
    }

    @Test
    void aManagerEditsAndPublishesTheirVenuesPosterAndTheHistoryNamesTheChange() throws Exception {
        login(fixture.manager(), TestAccounts.PASSWORD);
        navigate("posters/" + fixture.venue().id());
        VenuePosterView view = _get(VenuePosterView.class);

        _setValue(view.notesZh, "工作日 9:00–16:30 开放；投标文件在二楼 201 室递交。");
        _setValue(view.reason, "更新开放时间");
        _click(view.publish);

        List<PosterVersion> history = TestAccounts.asAdmin(() -> posters.history(fixture.venue().id()));
        assertThat(history.get(0).version()).isEqualTo(2);
        assertThat(history.get(0).publishedBy()).isEqualTo(fixture.manager());
        assertThat(history.get(0).changes()).containsExactly("notesZh");
        assertThat(history.get(0).content().notesZh()).contains("201 室");
        assertThat(view.history.getGenericDataView().getItems().map(PosterVersion::version).toList())
                .containsExactly(2, 1);
        assertThat(view.publishedInfo.getText()).startsWith("第 2 版");
    }

    @Test
    void thePreviewIsAPictureOfThePrintedPdfWhoseCodesScan() throws Exception {
        login(fixture.manager(), TestAccounts.PASSWORD);
        navigate("posters/" + fixture.venue().id());
        VenuePosterView view = _get(VenuePosterView.class);

        String src = view.preview.getSrc();
        assertThat(src).startsWith("data:image/png;base64,");
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                .decode(src.substring(src.indexOf(',') + 1))));
        List<String> required = TestAccounts.asAdmin(() -> posters.channels()).stream()
                .filter(ChannelDefinition::required).map(ChannelDefinition::payload).toList();
        assertThat(org.gateboard.poster.Scans.decodeAll(image)).containsExactlyInAnyOrderElementsOf(required);
    }

    @Test
    void aManagerCannotOpenAnotherVenuesPosterNorSeeItInTheList() {
        long other = venues.venues().stream().filter(v -> v.code().equals("SH-CITY")).findFirst().orElseThrow().id();
        login(fixture.manager(), TestAccounts.PASSWORD);

        navigate("posters/" + other);
        assertThat(LocatorJ._find(VenuePosterView.class)).isEmpty();
        assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText()).isEqualTo("未找到");

        navigate("posters");
        assertThat(_get(PostersView.class).grid.getGenericDataView().getItems().map(PosterStatus::venueCode).toList())
                .containsExactly(fixture.venue().code());
    }

    @Test
    void anAdminChangingAPayloadRepublishesEveryVenueThatPostsItAndTheyShowAsOutdated() {
        Map<Long, Integer> before = TestAccounts.asAdmin(() -> posters.statuses()).stream()
                .filter(s -> s.publishedVersion() != null)
                .collect(Collectors.toMap(PosterStatus::venueId, PosterStatus::publishedVersion));
        login("admin", "admin123");
        navigate("posters/channels");
        ChannelsView view = _get(ChannelsView.class);
        _setValue(view.channel, Channel.WECHAT);
        String payload = "https://mp.weixin.qq.com/a/~ssb-" + System.nanoTime() % 100_000;
        _setValue(view.payload, payload);
        _setValue(view.reason, "微信小程序换新链接");
        _click(view.saveChannel);

        Map<Long, PosterStatus> after = posters.statuses().stream()
                .collect(Collectors.toMap(PosterStatus::venueId, Function.identity()));
        before.forEach((venueId, version) -> {
            assertThat(after.get(venueId).publishedVersion()).as("venue " + venueId).isEqualTo(version + 1);
            assertThat(after.get(venueId).outdated()).as("venue " + venueId).isTrue();
        });
        PosterVersion latest = posters.history(fixture.venue().id()).get(0);
        assertThat(latest.changes()).containsExactly("channels.WECHAT.payload");
        assertThat(latest.reason()).isEqualTo("微信小程序换新链接");
        assertThat(latest.publishedBy()).isEqualTo("admin");
        assertThat(posters.outdated()).extracting(o -> o.venueCode()).contains(fixture.venue().code());
        assertThat(posters.outdated()).filteredOn(o -> o.venueCode().equals(fixture.venue().code()))
                .singleElement().satisfies(o -> {
                    assertThat(o.publishedVersion()).isEqualTo(2);
                    assertThat(o.printedVersion()).isNull();
                });
    }

    @Test
    void theDashboardShowsTheOutdatedBadgeUntilTheCurrentVersionIsPrinted() {
        assertThat(posters.outdatedVenueIds()).contains(fixture.venue().id());
        login(fixture.manager(), TestAccounts.PASSWORD);
        navigate("venues/" + fixture.venue().id());
        assertThat(_get(Span.class, spec -> spec.withId("venue-warnings")).getText()).contains("二维码海报未更新");

        printing.printSheet(fixture.venue().code(), PaperSize.A4);

        navigate("venues/" + fixture.venue().id());
        // a venue without other warnings hides the badge line altogether
        assertThat(LocatorJ._find(Span.class, spec -> spec.withId("venue-warnings"))).extracting(Span::getText)
                .noneMatch(text -> text.contains("二维码海报未更新"));
        assertThat(TestAccounts.asAdmin(() -> posters.outdated())).extracting(o -> o.venueCode())
                .doesNotContain(fixture.venue().code());
    }

    @Test
    void printingIsForManagersOfTheVenueAndAdminsNotForOfficials() {
        login("official", "official123");
        navigate("posters/" + fixture.venue().id());
        VenuePosterView view = _get(VenuePosterView.class);
        assertThat(view.prints.getChildren()).isEmpty();
        assertThat(view.publish.isVisible() && view.publish.isEnabled()).isFalse();
        assertThatThrownBy(() -> printing.printSheet(fixture.venue().code(), null))
                .isInstanceOf(AccessDeniedException.class);

        newBrowserSession();
        login(fixture.manager(), TestAccounts.PASSWORD);
        navigate("posters/" + fixture.venue().id());
        assertThat(_get(VenuePosterView.class).prints.getChildren().map(c -> c.getId().orElse("")).toList())
                .contains("poster-print-sheet-A4", "poster-print-sheet-A3", "poster-print-APP", "poster-print-ALIPAY",
                        "poster-print-WECHAT");
        assertThatThrownBy(() -> printing.printBatch(PaperSize.A4, java.io.OutputStream.nullOutputStream(), (a, b) -> {
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminPrintsEveryVenueInOneBatchWithProgressAndNothingIsOutdatedAfterwards() throws Exception {
        login("admin", "admin123");
        navigate("posters");
        PostersView view = _get(PostersView.class);
        assertThat(posters.outdated()).isNotEmpty();

        _click(view.batch);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!view.batchDownload.isVisible() && System.currentTimeMillis() < deadline) {
            MockVaadin.runUIQueue();
            Thread.sleep(50);
        }
        assertThat(view.batchDownload.isVisible()).isTrue();
        assertThat(view.progress.getValue()).isEqualTo(1.0);
        assertThat(view.batchStatus.getText()).startsWith("批量文件已生成");
        assertThat(posters.outdated()).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withId("poster-batch-download")).getHref()).isNotBlank();
    }
}
