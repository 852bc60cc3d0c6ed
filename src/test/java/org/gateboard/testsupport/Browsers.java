package org.gateboard.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium()).setHeadless(true).setArgs(FLAGS));
    }

    /** Signs in through the real login form and waits until the app has navigated away from it. */
    public static void login(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-text-field[name='username'] input").fill(username);
        page.locator("vaadin-password-field[name='password'] input").fill(password);
        page.locator("vaadin-password-field[name='password'] input").press("Enter");
        page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(60_000));
    }
}
