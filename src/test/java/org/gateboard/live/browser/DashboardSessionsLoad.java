package org.gateboard.live.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens real dashboard sessions against a Gateboard server running as its own process and, at each step,
 * reads that server's live heap after full GCs and the CPU it used. The browsers and this driver stay out
 * of the server's heap, so the slope between steps is what an open dashboard costs the server.
 * Run by scripts/bench-dashboard-memory.sh; arguments:
 * {@code <base url> <server pid> <venue id> <steps, e.g. 0,10,20,30> <out dir> [settle seconds]}.
 * Half of the sessions are the demo manager on the venue view, half the demo official on the city overview
 * (environment BENCH_VIEWS=venue or overview: all of one kind).
 */
public final class DashboardSessionsLoad {

    private DashboardSessionsLoad() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        ServerProcess server = new ServerProcess(Long.parseLong(args[1]));
        long venueId = Long.parseLong(args[2]);
        int[] steps = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        Path out = Path.of(args[4]);
        int settle = args.length > 5 ? Integer.parseInt(args[5]) : 25;
        Files.createDirectories(out);
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        List<String> rows = new ArrayList<>();
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of(chromium)).setHeadless(true).setArgs(List.of("--no-sandbox",
                             "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            List<BrowserContext> open = new ArrayList<>();
            // one session of each kind first and closed again, so classes and caches are warm before measuring
            open(browser, baseUrl, venueId, 0).close();
            open(browser, baseUrl, venueId, 1).close();
            for (int n : steps) {
                while (open.size() < n) {
                    open.add(open(browser, baseUrl, venueId, open.size()));
                }
                // idle keep-alive HTTP connections close after 20 s; what stays is the sessions and their push
                Thread.sleep(settle * 1000L);
                double cpu0 = server.cpuSeconds();
                long t0 = System.nanoTime();
                Thread.sleep(20_000);
                double cpuShare = (server.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9);
                server.jcmd("GC.run");
                long live = server.liveHeap(out.resolve("histogram-" + n + ".txt"));
                if (System.getenv("BENCH_HEAP_DUMP") != null) {
                    server.jcmd("GC.heap_dump " + out.toAbsolutePath().resolve("heap-" + n + ".hprof"));
                }
                String row = String.format("sessions=%d live-heap=%d bytes (%.1f MB) server-cpu=%.3f cores (20 s)",
                        n, live, live / 1048576.0, cpuShare);
                System.out.println(row);
                rows.add(n + " " + live + " " + cpuShare);
            }
            for (BrowserContext c : open) {
                c.close();
            }
        }
        Files.write(out.resolve("steps.txt"), rows, StandardCharsets.UTF_8);
        if (rows.size() > 1) {
            String[] first = rows.get(0).split(" ");
            String[] last = rows.get(rows.size() - 1).split(" ");
            int dn = Integer.parseInt(last[0]) - Integer.parseInt(first[0]);
            double perSession = (Long.parseLong(last[1]) - Long.parseLong(first[1])) / (double) dn / 1024;
            double cpuPerSession = (Double.parseDouble(last[2]) - Double.parseDouble(first[2])) / dn * 1000;
            String summary = String.format("per open dashboard session: %.0f KB live heap, %.2f ms server CPU per second",
                    perSession, cpuPerSession);
            System.out.println(summary);
            Files.writeString(out.resolve("summary.txt"), summary + "\n");
        }
    }

    /** Even sessions: the demo manager on the venue view; odd: the demo official on the city overview. */
    private static BrowserContext open(Browser browser, String baseUrl, long venueId, int i) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(400, 300));
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        String kind = System.getenv().getOrDefault("BENCH_VIEWS", "both");
        boolean manager = kind.equals("venue") || (!kind.equals("overview") && i % 2 == 0);
        for (int attempt = 1; ; attempt++) {
            try {
                login(page, baseUrl, manager ? "manager" : "official", manager ? "manager123" : "official123");
                if (manager) {
                    page.navigate(baseUrl + "/venues/" + venueId);
                    page.locator("#total-admitted").waitFor();
                    page.waitForFunction("() => { const c = document.querySelector('gb-chart'); return c && c.chart; }");
                } else {
                    page.navigate(baseUrl + "/");
                    page.locator("#venue-cards").waitFor();
                }
                return context;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void login(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.waitForFunction("() => customElements.get('vaadin-login-form') !== undefined");
        for (int attempt = 0; attempt < 4 && page.url().contains("/login"); attempt++) {
            page.locator("vaadin-text-field[name='username'] input").fill(username);
            page.locator("vaadin-password-field[name='password'] input").fill(password);
            page.locator("vaadin-password-field[name='password'] input").press("Enter");
            try {
                page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(20_000));
            } catch (com.microsoft.playwright.TimeoutError stillThere) {
                // pressed before the form was ready: try again
            }
        }
        if (page.url().contains("/login")) {
            throw new IllegalStateException("Could not sign in as " + username);
        }
    }
}
