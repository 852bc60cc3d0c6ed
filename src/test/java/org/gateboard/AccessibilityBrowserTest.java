package org.gateboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.gateboard.testsupport.Axe;
import org.gateboard.testsupport.Browsers;
import org.gateboard.testsupport.GateClient;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.venue.Device;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.StoredVerdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core over the live views and the views of refusal review, policy and posters in a real browser: none
 * may have a violation of impact serious or critical. A failure lists each rule, its advice and the elements.
 */
@Tag("browser")
class AccessibilityBrowserTest extends HttpTest {

    private static Playwright playwright;
    private static Browser browser;
    /** One signed-in browser context per account, reused across the views it opens. */
    private static final Map<String, BrowserContext> signedIn = new HashMap<>();
    private static long cityCentre;
    private static UUID refusal;

    @Autowired
    VenueService venues;
    @Autowired
    ZoneId venueZone;

    @BeforeAll
    static void browser() {
        Browsers.chromium();
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void close() {
        signedIn.values().forEach(BrowserContext::close);
        signedIn.clear();
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Today's figures, gates, devices and a refusal to review at the city centre, posted as its gate G1 would. */
    @BeforeEach
    void verdictsAtTheCityCentre() {
        if (refusal != null) {
            return;
        }
        Venue venue = venues.venues().stream().filter(v -> v.code().equals("SH-CITY")).findFirst().orElseThrow();
        Gate gate = venues.gates(venue.id()).stream().filter(g -> g.code().equals("G1")).findFirst().orElseThrow();
        Device device = venues.devices(gate.id()).get(0);
        StoredVerdict admitted = VerdictFixture.verdict(venue.id(), gate.id(), device.id(), Instant.now(),
                Outcome.ADMITTED, Set.of(), PersonRole.BIDDER, 9.0, false);
        StoredVerdict refused = VerdictFixture.verdict(venue.id(), gate.id(), device.id(), Instant.now(),
                Outcome.REFUSED, Set.of(RefusalReason.CODE_YELLOW), PersonRole.AGENT, 14.0, false);
        new GateClient(baseUrl(), "gbd_demo_sh-city_g1").post(List.of(admitted, refused));
        cityCentre = venue.id();
        refusal = refused.id();
    }

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource({
            "official, /, #venue-card-SH-CITY",
            "official, /venues/{cityCentre}, #gates tbody tr",
            "official, /venues/{cityCentre}?date={yesterday}, #by-role tbody tr",
            "manager, /venues/{cityCentre}, #devices tbody tr",
            "official, /refusals, #refusal-grid",
            "official, /refusals/queue, #refusal-queue",
            "official, /refusals/{refusal}, #fact-reasons",
            "official, /refusals/looks, vaadin-grid",
            "official, /policy, #policy-baseline",
            "official, /policy/venues/{cityCentre}, #venue-policy-title",
            "manager, /posters, #poster-grid",
            "manager, /posters/{cityCentre}, #poster-preview",
            "admin, /posters/channels, #channel-select",
    })
    void viewHasNoSeriousOrCriticalAccessibilityViolations(String user, String path, String ready) {
        Page page = page(user);
        String url = baseUrl() + path.replace("{cityCentre}", String.valueOf(cityCentre))
                .replace("{refusal}", refusal.toString())
                .replace("{yesterday}", LocalDate.now(venueZone).minusDays(1).toString());
        page.navigate(url);
        try {
            assertThat(page.locator(ready).first()).isVisible();
        } finally {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/a11y-"
                    + user + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-[0-9a-f-]{30,}", "-detail") + ".png")));
        }
        // the server has answered every round trip and the browser has drawn it
        page.waitForFunction("() => window.Vaadin && Vaadin.Flow && Object.values(Vaadin.Flow.clients)"
                + ".every(c => !c.isActive || !c.isActive())");
        List<Axe.Violation> violations = Axe.blockingViolations(page);
        assertThat(violations).as(() -> "axe-core found violations of impact serious or critical:"
                + Axe.report(path, violations)).isEmpty();
    }

    @Test
    void theVenuesTablesAndHourlyChartReadAsNamedTablesWithColumnAndRowHeaders() {
        Page page = page("official");
        page.navigate(baseUrl() + "/venues/" + cityCentre);
        assertThat(page.locator("#gates tbody tr").first()).containsText("G1");
        page.waitForFunction("() => { const c = document.querySelector('gb-chart'); return c && c.chart; }");

        // each table is named after the heading above it, its header cells head columns, a row's first cell heads it
        assertThat(page.locator("#gates caption")).hasText("管控处");
        assertThat(page.locator("#devices caption")).hasText("设备");
        assertThat(page.locator("#by-role caption")).hasText("人员类别");
        assertThat(page.locator("#by-reason caption")).hasText("拒绝原因");
        assertThat(page.locator("#gates thead th").first()).hasAttribute("scope", "col");
        assertThat(page.locator("#gates thead th:not([scope=col])")).hasCount(0);
        assertThat(page.locator("#gates tbody tr").first().locator("th")).hasAttribute("scope", "row");
        assertThat(page.locator("#gates tbody tr").first().locator("th")).containsText("G1");
        // a label/value table: the label heads its value
        assertThat(page.locator("#by-reason thead")).hasCount(0);
        assertThat(page.locator("#by-reason tbody th[scope=row]").first()).hasText("红码");
        assertThat(page.locator("#by-reason tbody tr").first().locator("td")).hasCount(1);

        // the chart is an image that says its figures follow, and they do, as a table a screen reader reaches
        Locator canvas = page.locator("#hourly-chart canvas");
        assertThat(canvas).hasAttribute("role", "img");
        assertThat(canvas).hasAttribute("aria-label", "每小时准入与拒绝的柱状图；各小时的人数见其后的表格");
        Locator figures = page.locator("#hourly-chart table");
        assertThat(figures.locator("caption")).hasText("每小时准入与拒绝");
        assertThat(figures.locator("thead th")).hasText(new String[]{"小时", "准入", "拒绝"});
        assertThat(figures.locator("tbody th[scope=row]").first()).hasText("00时");
        assertThat(page.evaluate("() => { const el = document.getElementById('hourly-chart');"
                + " const rows = [...el.shadowRoot.querySelectorAll('tbody tr')]; const d = el.chart.data;"
                + " return rows.length > 0 && rows.length === d.labels.length && rows.every((r, i) =>"
                + " r.querySelector('th').textContent === d.labels[i] && [...r.querySelectorAll('td')].every((td, j) =>"
                + " Number(td.textContent.replace(/[^0-9.]/g, '')) === d.datasets[j].data[i])); }"))
                .as("the table holds the chart's labels and numbers, row for row").isEqualTo(true);
        assertThat(page.locator("#hourly-chart [part=figures]").boundingBox().width)
                .as("the table is for screen readers only").isLessThanOrEqualTo(1);
    }

    @Test
    void aVenueCardOpensFromTheKeyboard() {
        Page page = page("official");
        page.navigate(baseUrl() + "/");
        assertThat(page.locator("#figures-PD caption")).not().isEmpty();
        page.locator("#venue-link-PD").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/venues/**");
        assertThat(page.locator("#venue-title")).not().isEmpty();
    }

    private Page page(String user) {
        BrowserContext context = signedIn.computeIfAbsent(user, u -> {
            BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
            Page page = c.newPage();
            page.setDefaultTimeout(60_000);
            Browsers.login(page, baseUrl(), u, u + "123");
            try {
                // signed in: the layout around every signed-in view shows who it is
                assertThat(page.locator("#current-user")).isVisible(
                        new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            } catch (AssertionError notSignedIn) {
                // seen on a loaded machine: the session had ended by the time the first view loaded; once more
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/a11y-login-" + u + ".png")));
                System.err.println("Signed out again right after signing in as " + u + " (at " + page.url()
                        + "); signing in once more");
                Browsers.login(page, baseUrl(), u, u + "123");
                assertThat(page.locator("#current-user")).isVisible(
                        new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            }
            return c;
        });
        return context.pages().get(0);
    }
}
