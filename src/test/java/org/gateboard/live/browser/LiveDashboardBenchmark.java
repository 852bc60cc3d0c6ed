package org.gateboard.live.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.gateboard.live.LiveStatsService;
import org.gateboard.testsupport.Browsers;
import org.gateboard.testsupport.HttpTest;
import org.gateboard.testsupport.GateClient;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.venue.Device;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.StoredVerdict;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Benchmarks of the live dashboard, not tests: they measure and print, and assert nothing about time.
 * Run with {@code mvn -B test -Dtest=LiveDashboardBenchmark -Dgateboard.bench=true} (options below as -D).
 *
 * <ul>
 * <li>verdict-to-screen latency: browsers show the city centre's venue view while verdicts are stored at
 * {@code bench.rate} a second (rows inserted in batches of 100, then the event ingestion publishes); each
 * page records when its "admitted" figure changes, and each batch's latency is the time from its event to
 * the first screen update that includes it.</li>
 * </ul>
 * Memory per open dashboard is measured on a server running as its own process, without the browsers'
 * driver in its heap: scripts/bench-dashboard-memory.sh.
 * Figures go to standard output and target/benchmark/live-dashboard.txt.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "gateboard.bench", matches = "true")
class LiveDashboardBenchmark extends HttpTest {

    private static final int RATE = Integer.getInteger("bench.rate", 5000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int PAGES = Integer.getInteger("bench.pages", 4);
    private static final boolean INSERT = Boolean.parseBoolean(System.getProperty("bench.insert", "true"));
    /** Through the device API over real HTTP (gate G1's demo token), instead of inserting and announcing. */
    private static final boolean HTTP = Boolean.parseBoolean(System.getProperty("bench.http", "false"));
    private static final String OBSERVE = "() => { window.__gb = []; const el = document.querySelector('#total-admitted');"
            + " new MutationObserver(() => window.__gb.push([performance.timeOrigin + performance.now(), el.textContent]))"
            + ".observe(el, {childList: true, characterData: true, subtree: true}); }";

    @Autowired
    ApplicationContext context;
    @Autowired
    VenueService venues;
    @Autowired
    LiveStatsService live;

    private record Batch(long publishedAtMs, long cumulative, long listenerNanos) {
    }

    private record LoadResult(List<Batch> batches, double rate, double seconds) {
    }

    @Test
    void verdictToScreenLatencyWhileIngesting() throws Exception {
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.launch(playwright)) {
            List<Page> pages = openVenuePages(browser, PAGES);
            for (Page p : pages) {
                p.evaluate(OBSERVE);
            }
            long start = number(pages.get(0).locator("#total-admitted").textContent());
            LoadResult load = ingest(SECONDS, start);
            Thread.sleep(3000);
            List<Long> latencies = new ArrayList<>();
            for (Page p : pages) {
                @SuppressWarnings("unchecked")
                List<List<Object>> changes = (List<List<Object>>) p.evaluate("() => window.__gb");
                int k = 0;
                for (Batch b : load.batches()) {
                    while (k < changes.size() && number(String.valueOf(changes.get(k).get(1))) < b.cumulative()) {
                        k++;
                    }
                    if (k < changes.size()) {
                        latencies.add(Math.round(((Number) changes.get(k).get(0)).doubleValue()) - b.publishedAtMs());
                    }
                }
            }
            List<Long> listener = load.batches().stream().map(b -> b.listenerNanos() / 1000).toList();
            report("latency", String.format("pages=%d rate=%.0f/s over %.1f s (target %d/s, rows inserted: %s, over HTTP: %s)%n"
                            + "  verdict-to-screen ms: p50=%d p90=%d p99=%d max=%d (n=%d batch observations)%n"
                            + "  ingestion call per batch of 100 (event listener, or the whole HTTP request with bench.http), us: p50=%d p99=%d max=%d",
                    PAGES, load.rate(), load.seconds(), RATE, INSERT, HTTP, pct(latencies, 50), pct(latencies, 90),
                    pct(latencies, 99), pct(latencies, 100), latencies.size(), pct(listener, 50), pct(listener, 99),
                    pct(listener, 100)));
            for (Page p : pages) {
                p.context().close();
            }
        }
    }

    private List<Page> openVenuePages(Browser browser, int n) {
        Venue city = cityCentre();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900));
            Page page = c.newPage();
            page.setDefaultTimeout(30_000);
            for (int attempt = 1; ; attempt++) {
                try {
                    Browsers.login(page, baseUrl(), "admin", "admin123");
                    page.navigate(baseUrl() + "/venues/" + city.id());
                    page.locator("#total-admitted").waitFor();
                    break;
                } catch (RuntimeException e) {
                    if (attempt == 3) {
                        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/benchmark/failed-page.png")));
                        throw new IllegalStateException("The venue view did not show at " + page.url(), e);
                    }
                }
            }
            page.waitForFunction("() => { const c = document.querySelector('gb-chart'); return c && c.chart; }");
            pages.add(page);
        }
        return pages;
    }

    /** Stores admitted verdicts at the city centre at RATE a second in batches of 100, paced every batch. */
    private LoadResult ingest(int seconds, long startCount) throws InterruptedException {
        VerdictFixture fixture = new VerdictFixture(context);
        GateClient gate = new GateClient(baseUrl(), "gbd_demo_sh-city_g1");
        Venue city = cityCentre();
        List<Gate> gates = venues.gates(city.id());
        List<Device> devices = gates.stream().map(g -> venues.devices(g.id()).get(0)).toList();
        List<Batch> batches = Collections.synchronizedList(new ArrayList<>());
        long intervalNanos = 100 * 1_000_000_000L / RATE;
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        long next = t0;
        long total = startCount;
        AtomicBoolean ok = new AtomicBoolean(true);
        while (System.nanoTime() < end && ok.get()) {
            List<StoredVerdict> batch = new ArrayList<>(100);
            Instant now = Instant.now();
            for (int i = 0; i < 100; i++) {
                int g = i % gates.size();
                batch.add(VerdictFixture.verdict(city.id(), gates.get(g).id(), devices.get(g).id(), now,
                        Outcome.ADMITTED, Set.of(), PersonRole.BIDDER, 5.0 + (i % 20), false));
            }
            long published;
            long listener;
            if (HTTP) {
                // from the moment the gate sends: the request itself is part of verdict-to-screen
                published = System.currentTimeMillis();
                long l0 = System.nanoTime();
                gate.post(batch);
                listener = System.nanoTime() - l0;
            } else {
                if (INSERT) {
                    fixture.insertOnly(batch);
                }
                published = System.currentTimeMillis();
                long l0 = System.nanoTime();
                fixture.announce(batch);
                listener = System.nanoTime() - l0;
            }
            total += 100;
            batches.add(new Batch(published, total, listener));
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new LoadResult(batches, batches.size() * 100 / elapsed, elapsed);
    }

    private Venue cityCentre() {
        return venues.venues().stream().filter(v -> v.code().equals("SH-CITY")).findFirst().orElseThrow();
    }

    private static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static void report(String name, String text) throws IOException {
        String line = "[" + name + "] " + Instant.now() + " cores=" + Runtime.getRuntime().availableProcessors()
                + " maxHeap=" + Runtime.getRuntime().maxMemory() / 1048576 + "MB\n  " + text + "\n";
        System.out.println(line);
        Path out = Path.of("target/benchmark/live-dashboard.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
