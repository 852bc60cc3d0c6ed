package org.gateboard.cluster;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.gateboard.cluster.LocalCluster.Node;
import org.gateboard.testsupport.Browsers;
import org.gateboard.verdict.StoredVerdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateboard as a cluster on this machine, through HAProxy: {@code scripts/cluster.sh up 2} (a MariaDB primary and
 * replica, Redis, two app nodes running the jar {@code package} made, HAProxy in front), then what a city needs of
 * it, in order: a device's batches go round-robin to both nodes; a dashboard on one node follows verdicts stored
 * through the other within about a second; with the replica stopped, refusal searches are answered by the primary;
 * a node killed with SIGKILL loses and doubles nothing while its device carries on through the other; and the
 * dashboard's person, whose node died, signs in again and lands on the other. {@code down} runs whatever happened.
 * <p>
 * Skipped (an assumption) where HAProxy, MariaDB or Redis are missing and cannot be installed (not root).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterThroughBalancerIT {

    /** Every node's dashboards show a verdict stored on any node within 1 s (issue 13); the browser's own share. */
    static final Duration LIVE_WITHIN = Duration.ofMillis(1500);
    /** Each node recounts today's figures from the database this often, healing what it missed. */
    static final Duration RECOUNT = Duration.ofSeconds(60);

    static LocalCluster cluster;
    static final ClusterApi api = new ClusterApi();
    static ClusterApi.TestVenue venue;
    static RetryingDevice device;

    static Playwright playwright;
    static BrowserContext dashboardUser;
    static Page dashboard;
    /** The node the dashboard was signed in on, and the one killed. */
    static Node dashboardNode;
    static Node killed;

    @BeforeAll
    static void up() throws Exception {
        LocalCluster.assumeToolsInstallable();
        String jar = System.getProperty("gateboard.cluster.jar");
        Assumptions.assumeTrue(jar != null && Path.of(jar).toFile().isFile(),
                "Cluster test skipped: no packaged jar (run it with mvn verify, which packages first)");
        long start = System.nanoTime();
        cluster = LocalCluster.up(Path.of("").toAbsolutePath(), 2, Path.of(jar), Duration.ofMinutes(10));
        System.out.printf("Cluster up in %.0f s: balancer %s, nodes %s%n", seconds(start), cluster.balancer(),
                cluster.nodes());
        venue = api.registerVenue(cluster.balancer());
        device = new RetryingDevice(venue);
        // the new venue reaches each node's registry within its refresh interval
        for (Node node : cluster.nodes()) {
            awaitTrue(Duration.ofSeconds(60), () -> api.statsList(node.url(), venue),
                    node.cookie() + " lists the new venue");
        }
    }

    @AfterAll
    static void down() {
        try {
            if (playwright != null) {
                playwright.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void aDevicePostingThroughTheBalancerReachesBothNodesInTurn() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(device.deliver(cluster.balancer(), device.batch(10, 0)).accepted()).isEqualTo(10);
        }
        List<Double> accepted = new ArrayList<>();
        for (Node node : cluster.nodes()) {
            accepted.add(api.metric(node.url(), "gateboard_verdicts_total", "result=\"accepted\"",
                    "venue=\"" + venue.code() + "\""));
        }
        System.out.println("Verdicts accepted per node: " + accepted);
        assertThat(accepted).as("verdicts each node accepted (its own counter)").allMatch(n -> n > 0);
        assertThat(accepted.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(100);
        assertThat(storedInDatabase()).isEqualTo(device.stored());
    }

    @Test
    @Order(2)
    @Tag("browser")
    void aDashboardOnOneNodeFollowsVerdictsStoredThroughTheOtherWithinASecond() throws Exception {
        Browsers.chromium();
        playwright = Playwright.create();
        Browser browser = Browsers.launch(playwright);
        dashboardUser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        dashboard = dashboardUser.newPage();
        dashboard.setDefaultTimeout(60_000);
        openDashboard();
        dashboardNode = cluster.node(balancerCookie());
        Node other = cluster.other(dashboardNode);
        long[] before = fromDatabase();
        awaitDashboardShows(before[0], before[1], Duration.ofSeconds(5),
                dashboardNode.cookie() + "'s dashboard shows the verdicts stored through both nodes");

        // three deliveries, each shown within 10 s, their median within the bound: one slow one on a busy
        // 2-core machine (the browser, two nodes and two databases on it) is noise, three are not
        List<Duration> took = new ArrayList<>();
        long admitted = before[0];
        long refused = before[1];
        for (int i = 0; i < 3; i++) {
            List<StoredVerdict> batch = device.batch(5, 2);
            assertThat(device.deliver(other.url(), batch).accepted()).isEqualTo(7);
            long stored = System.nanoTime();
            admitted += 5;
            refused += 2;
            awaitDashboardShows(admitted, refused, Duration.ofSeconds(10),
                    dashboardNode.cookie() + "'s dashboard shows verdicts stored through " + other.cookie());
            took.add(Duration.ofNanos(System.nanoTime() - stored));
        }
        System.out.printf("A dashboard on %s showed verdicts stored through %s %s ms after they were stored%n",
                dashboardNode.cookie(), other.cookie(), took.stream().map(Duration::toMillis).toList());
        assertThat(took.stream().sorted().toList().get(1))
                .as("median of three, from stored through %s to shown on %s", other.cookie(), dashboardNode.cookie())
                .isLessThanOrEqualTo(LIVE_WITHIN);
    }

    @Test
    @Order(3)
    void withTheReplicaStoppedRefusalSearchesAreAnsweredByThePrimary() throws Exception {
        for (Node node : cluster.nodes()) {
            api.json(api.searchRefusals(node.url(), venue));
            assertThat(api.metric(node.url(), "hikaricp_connections_acquire_seconds_count", "pool=\"replica\""))
                    .as("%s searched on the replica while it ran", node.cookie()).isPositive();
        }

        cluster.stopReplica();
        List<StoredVerdict> batch = device.batch(0, 1);
        UUID refusal = batch.get(0).id();
        device.deliver(cluster.balancer(), batch);

        List<String> asked = new ArrayList<>();
        for (Node node : cluster.nodes()) {
            asked.add(node.url());
        }
        asked.add(cluster.balancer());
        asked.add(cluster.balancer());
        for (String url : asked) {
            HttpResponse<String> response = api.searchRefusals(url, venue);
            assertThat(response.statusCode()).as("refusal search at %s: %s", url, response.body()).isEqualTo(200);
            Set<String> found = new HashSet<>();
            api.json(response).get("items").forEach(item -> found.add(item.get("verdictId").asText()));
            assertThat(found).as("the refusal stored after the replica stopped, found through %s", url)
                    .contains(refusal.toString());
        }
        for (Node node : cluster.nodes()) {
            assertThat(cluster.log(node)).as("%s says where its heavy reads went", node.cookie())
                    .contains("The read replica does not answer");
        }
    }

    @Test
    @Order(4)
    void aKilledNodeLosesAndDoublesNothingAndTheDeviceCarriesOnThroughTheOther() throws Exception {
        killed = dashboardNode != null ? dashboardNode : cluster.nodes().get(1);
        Node survivor = cluster.other(killed);
        int resendsBefore = device.resends.get();
        // SIGKILL while the device posts without pause, so batches are in flight on the node as it dies
        CompletableFuture<Long> kill = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(2000);
                cluster.kill(killed);
                return System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int batches = 0;
        int afterKill = 0;
        long firstAfterKill = 0;
        long start = System.nanoTime();
        while (!kill.isDone() || System.nanoTime() - kill.getNow(0L) < Duration.ofSeconds(10).toNanos()) {
            assertThat(System.nanoTime() - start).as("the kill and 10 s after it").isLessThan(TimeUnit.MINUTES.toNanos(3));
            device.deliver(cluster.balancer(), device.batch(8, 2));
            batches++;
            if (kill.isDone() && !kill.isCompletedExceptionally()) {
                afterKill++;
                if (firstAfterKill == 0) {
                    firstAfterKill = System.nanoTime();
                }
            }
        }
        long killedAt = kill.get();
        System.out.printf("Killed %s; the device stored %d batches of 10, %d of them after the kill (the first "
                        + "%d ms after it), resent %d times; %d duplicates answered%n", killed.cookie(), batches,
                afterKill, (firstAfterKill - killedAt) / 1_000_000, device.resends.get() - resendsBefore,
                device.duplicates.get());
        assertThat(afterKill).as("batches stored through %s after the kill", survivor.cookie()).isGreaterThan(5);
        assertThat(storedInDatabase()).as("what the primary holds of the device, against what it was told")
                .isEqualTo(device.stored());
        try (Connection c = cluster.primary(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM verdict WHERE device_id = ?")) {
            s.setLong(1, venue.deviceId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows, each verdict once").isEqualTo(device.stored().size());
            }
        }
    }

    @Test
    @Order(5)
    @Tag("browser")
    void theDashboardsPersonWhoseNodeDiedSignsInAgainOnTheOther() throws Exception {
        Assumptions.assumeTrue(dashboard != null && killed != null && killed.equals(dashboardNode),
                "needs the dashboard of the second test on the node the fourth killed");
        Node survivor = cluster.other(killed);
        dashboard.navigate(cluster.balancer() + "/venues/" + venue.id());
        dashboard.waitForURL("**/login**");
        openDashboard();
        assertThat(balancerCookie()).as("the node the balancer now sends the person to").isEqualTo(survivor.cookie());
        long[] now = fromDatabase();
        awaitDashboardShows(now[0], now[1], RECOUNT.plusSeconds(5),
                survivor.cookie() + "'s dashboard shows what both nodes stored");
        device.deliver(cluster.balancer(), device.batch(3, 0));
        awaitDashboardShows(now[0] + 3, now[1], Duration.ofSeconds(5),
                survivor.cookie() + "'s dashboard follows new verdicts");
    }

    /** Signs in as an official through the balancer and opens the test venue's dashboard. */
    private static void openDashboard() {
        Browsers.login(dashboard, cluster.balancer(), "official", "official123");
        dashboard.navigate(cluster.balancer() + "/venues/" + venue.id());
        dashboard.waitForFunction("() => /[0-9]/.test(document.querySelector('#total-admitted')?.textContent ?? '')");
    }

    /** The GBNODE cookie HAProxy gave the browser: the node its UI lives on. */
    private static String balancerCookie() {
        return dashboardUser.cookies().stream().filter(c -> c.name.equals("GBNODE")).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("HAProxy set no GBNODE cookie"));
    }

    private static void awaitDashboardShows(long admitted, long refused, Duration within, String what) {
        try {
            dashboard.waitForFunction("([a, r]) => { const n = id => { const t = document.querySelector(id)"
                            + "?.textContent ?? ''; return /[0-9]/.test(t) ? Number(t.replace(/[^0-9]/g, '')) : -1; };"
                            + " return n('#total-admitted') === a && n('#total-refused') === r; }",
                    List.of(Math.toIntExact(admitted), Math.toIntExact(refused)), new Page.WaitForFunctionOptions().setTimeout(within.toMillis())
                            .setPollingInterval(50));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError(what + ": expected " + admitted + " admitted and " + refused + " refused within "
                    + within + ", it shows " + dashboard.locator("#total-admitted").textContent() + " and "
                    + dashboard.locator("#total-refused").textContent(), e);
        }
    }

    /** The test venue's admitted and refused verdicts as the primary holds them. */
    private static long[] fromDatabase() throws Exception {
        try (Connection c = cluster.primary(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(outcome = 'ADMITTED'), 0), COALESCE(SUM(outcome = 'REFUSED'), 0) FROM verdict"
                        + " WHERE venue_id = ?")) {
            s.setLong(1, venue.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The ids of the test device's verdicts the primary holds. */
    private static Set<UUID> storedInDatabase() throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = cluster.primary(); PreparedStatement s = c.prepareStatement(
                "SELECT HEX(id) FROM verdict WHERE device_id = ?")) {
            s.setLong(1, venue.deviceId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String hex = rs.getString(1);
                    ids.add(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                            Long.parseUnsignedLong(hex.substring(16), 16)));
                }
            }
        }
        return ids;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Duration within, Check check, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
