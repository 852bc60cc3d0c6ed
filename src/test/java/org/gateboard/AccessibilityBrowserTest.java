package org.gateboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/a11y-login-" + u + ".png")));
                throw new AssertionError("Not signed in as " + u + " at " + page.url(), notSignedIn);
            }
            return c;
        });
        return context.pages().get(0);
    }
}
