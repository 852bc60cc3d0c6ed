package org.gateboard.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser. Tests using it skip themselves, with
 * a reason, on a machine without Chromium (set CHROMIUM_PATH when it lives elsewhere).
 */
public final class Browsers {

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Browsers() {
    }

    public static Path chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        Assumptions.assumeTrue(Files.isExecutable(path), "Browser test skipped: no Chromium at " + path
                + " (install Debian's chromium or set CHROMIUM_PATH)");
        return path;
    }

    /**
     * Launches Chromium. Assertions wait up to 30 s instead of Playwright's 5: on a loaded 2-core CI machine
     * the first view after sign-in can take longer than 5 s to render in dev mode, and a wait that ends early
     * only turns a slow machine into a failed test.
     */
    public static Browser launch(Playwright playwright) {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium()).setHeadless(true).setArgs(FLAGS));
    }

    /**
     * Signs in through the real login form and waits until the app has navigated away from it. On a busy
     * machine the first Enter can come before the form is ready, so it is pressed again if nothing happened.
     */
    public static void login(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.waitForFunction("() => customElements.get('vaadin-login-form') !== undefined");
        var user = page.locator("vaadin-text-field[name='username'] input");
        var pass = page.locator("vaadin-password-field[name='password'] input");
        for (int attempt = 0; attempt < 4 && page.url().contains("/login"); attempt++) {
            user.fill(username);
            pass.fill(password);
            pass.press("Enter");
            try {
                page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
            } catch (com.microsoft.playwright.TimeoutError stillThere) {
                // pressed too early: try again
            }
        }
        if (page.url().contains("/login")) {
            throw new IllegalStateException("Could not sign in as " + username);
        }
    }
}
