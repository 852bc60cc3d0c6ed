package org.gateboard.live.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The core loop in a real browser: a verdict stored at a gate moves the manager's open dashboard. */
@Tag("browser")
class LiveDashboardBrowserTest extends HttpTest {

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    ApplicationContext context;
    @Autowired
    VenueService venues;

    @BeforeAll
    static void browser() {
        Browsers.chromium();
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Through the device API over real HTTP, as the city centre's gate G1 would. */
    private void postVerdicts(List<StoredVerdict> verdicts) {
        new GateClient(baseUrl(), "gbd_demo_sh-city_g1").post(verdicts);
    }

    private List<StoredVerdict> verdictsAtCityCentreG1(int admitted, int refused) {
        Venue venue = venues.venues().stream().filter(v -> v.code().equals("SH-CITY")).findFirst().orElseThrow();
        Gate gate = venues.gates(venue.id()).stream().filter(g -> g.code().equals("G1")).findFirst().orElseThrow();
        Device device = venues.devices(gate.id()).get(0);
        List<StoredVerdict> list = new ArrayList<>();
        for (int i = 0; i < admitted + refused; i++) {
            boolean admit = i < admitted;
            list.add(VerdictFixture.verdict(venue.id(), gate.id(), device.id(), Instant.now(),
                    admit ? Outcome.ADMITTED : Outcome.REFUSED, admit ? Set.of() : Set.of(RefusalReason.CODE_YELLOW),
                    PersonRole.BIDDER, 12.0, false));
        }
        return list;
    }

    @Test
    void managersOpenDashboardShowsNewVerdictsAndTheChartMovesWithoutReloading() {
        try (BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1400, 1000))) {
            Page page = browserContext.newPage();
            page.setDefaultTimeout(60_000);
            List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    cspViolations.add(m.text());
                }
            });
            List<String> webSockets = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onWebSocket(ws -> webSockets.add(ws.url()));
            Browsers.login(page, baseUrl(), "manager", "manager123");
            page.waitForURL("**/venues/**");
            assertThat(page.locator("#total-admitted")).not().hasText("–");
            page.waitForFunction("() => { const c = document.querySelector('gb-chart'); return c && c.chart; }");
            long admittedBefore = number(page.locator("#total-admitted").textContent());
            long refusedBefore = number(page.locator("#total-refused").textContent());
            double chartBefore = chartSum(page);
            page.evaluate("() => { window.__gbNoReload = true; window.__gbChart = document.querySelector('gb-chart').chart; }");

            postVerdicts(verdictsAtCityCentreG1(3, 2));

            assertThat(page.locator("#total-admitted")).hasText(String.format("%,d", admittedBefore + 3));
            assertThat(page.locator("#total-refused")).hasText(String.format("%,d", refusedBefore + 2));
            page.waitForFunction("before => { const c = document.querySelector('gb-chart').chart;"
                    + " return c.data.datasets.reduce((s, d) => s + d.data.reduce((a, b) => a + b, 0), 0) >= before + 5; }",
                    chartBefore);
            assertThat(chartSum(page)).isEqualTo(chartBefore + 5);
            assertThat(page.evaluate("() => window.__gbNoReload === true")).as("the page was not reloaded").isEqualTo(true);
            assertThat(page.evaluate("() => document.querySelector('gb-chart').chart === window.__gbChart"))
                    .as("the chart was updated in place (animated), not re-created").isEqualTo(true);
            assertThat(page.evaluate("() => { const el = document.querySelector('gb-chart');"
                    + " return el.chart.data.datasets[0].backgroundColor"
                    + " === getComputedStyle(el).getPropertyValue('--lumo-success-color').trim(); }"))
                    .as("admitted bars take Lumo's success colour").isEqualTo(true);
            // the gate and device tables are drawn in the browser from the server's JSON
            assertThat(page.locator("#gates tbody tr").first()).containsText("G1");
            assertThat(page.locator("#gates th").first()).hasText("管控处");
            assertThat(page.locator("#devices tbody tr").first().locator(".badge").first()).isVisible();
            // the gate that just posted is in contact: its device shows online within a few pushes
            assertThat(page.locator("#devices tbody tr").first()).containsText("在线");
            // all of it under the Content-Security-Policy, with push over a WebSocket
            assertThat(webSockets).as("push runs over a WebSocket").anyMatch(u -> u.contains("VAADIN/push"));
            assertThat(cspViolations).as("no Content-Security-Policy violations in the console").isEmpty();
            page.locator("#gates").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/gates.png")));
            page.locator("#devices").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/devices.png")));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/venue-live.png"))
                    .setFullPage(true));
            page.locator("gb-chart").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/hourly-chart.png")));
        }
    }

    @Test
    void officialSeesEveryVenuesCardAndOpensOne() {
        try (BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1400, 1000))) {
            Page page = browserContext.newPage();
            page.setDefaultTimeout(60_000);
            Browsers.login(page, baseUrl(), "official", "official123");
            assertThat(page.locator("#venue-card-SH-CITY")).isVisible();
            assertThat(page.locator("#venue-card-LH")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/city-overview.png")));
            page.locator("#venue-card-PD").click();
            page.waitForURL("**/venues/**");
            assertThat(page.locator("#total-admitted")).isVisible();
        }
    }

    private static double chartSum(Page page) {
        Object sum = page.evaluate("() => { const c = document.querySelector('gb-chart').chart;"
                + " return c.data.datasets.reduce((s, d) => s + d.data.reduce((a, b) => a + b, 0), 0); }");
        return ((Number) sum).doubleValue();
    }

    private static long number(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }
}
