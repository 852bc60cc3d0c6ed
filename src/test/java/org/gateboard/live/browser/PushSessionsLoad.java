package org.gateboard.live.browser;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.gateboard.testsupport.GateClient;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.StoredVerdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many open dashboards without many browsers: each session signs in through the login form, opens its view
 * with the same requests Vaadin's browser client sends ({@code v-r=init}, then the {@code ui-navigate}
 * event) and keeps the push WebSocket open with permessage-deflate, as Chromium does; it sends the UI
 * heartbeat every minute. Nothing is rendered: this measures what the server spends on open dashboards,
 * which Chromium cannot show for hundreds of pages on the server's own two cores.
 * <p>
 * At each step it opens sessions up to the step's count, waits, then for a measuring window counts every
 * push each session receives and the gaps between them, the server's CPU ({@code /proc/<pid>/stat}) and,
 * after it, the live heap ({@code jcmd GC.class_histogram}). A session whose pushes stop, or whose
 * WebSocket closes, is reported.
 * Run by scripts/bench-dashboard-sessions.sh; arguments:
 * {@code <base url> <server pid> <venue id> <steps, e.g. 0,100,250,500> <out dir> [settle s] [window s]}.
 * Even sessions are the demo manager on the venue view, odd ones the demo official on the city overview.
 */
public final class PushSessionsLoad {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    /** The element whose text is the venue view's "admitted" figure. */
    private static final Pattern ADMITTED_ID = Pattern.compile(
            "\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":\\d+,\"value\":\"total-admitted\"}");
    private static final Pattern ACCEPTED = Pattern.compile(
            "(?m)^gateboard_verdicts_total\\{result=\"accepted\",[^}]*} ([0-9.E]+)");
    private static final int MAX_GAP_MS = 120_000;
    /** Asked for as Chromium asks for it: the server then compresses every push. */
    private static final Extension DEFLATE = new Extension() {
        @Override
        public String getName() {
            return "permessage-deflate";
        }

        @Override
        public List<Parameter> getParameters() {
            return List.of();
        }
    };

    private final String baseUrl;
    private final long venueId;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final WebSocketContainer sockets = ContainerProvider.getWebSocketContainer();
    private final List<Screen> screens = new ArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2);
    /** Gaps between consecutive pushes to one session within the window, in ms (index = ms): venue view, overview. */
    private volatile AtomicLongArray[] gaps = newGaps();
    private volatile boolean measuring;
    private final AtomicInteger closed = new AtomicInteger();
    /** Characters of the pushes received within the window, for the size of a push. */
    private final AtomicLong pushedChars = new AtomicLong();
    /** Verdict to screen on the venue views, when BENCH_PROBE_TOKEN names a city centre gate's token. */
    private volatile Probe probe;
    /** Where to write one push of each view as received (BENCH_DUMP=1), to see what a push carries. */
    private volatile Path dumpDir;

    PushSessionsLoad(String baseUrl, long venueId) {
        this.baseUrl = baseUrl;
        this.venueId = venueId;
    }

    public static void main(String[] args) throws Exception {
        ServerProcess server = new ServerProcess(Long.parseLong(args[1]));
        int[] steps = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        Path out = Path.of(args[4]);
        int settle = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        int window = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        Files.createDirectories(out);
        PushSessionsLoad load = new PushSessionsLoad(args[0], Long.parseLong(args[2]));
        if ("1".equals(System.getenv("BENCH_DUMP"))) {
            load.dumpDir = out;
        }
        List<String> rows = new ArrayList<>();
        int parallel = Integer.parseInt(System.getenv().getOrDefault("BENCH_OPEN_PARALLEL", "4"));
        ExecutorService openers = Executors.newFixedThreadPool(parallel);
        // one session of each kind first, so classes and caches are warm before the first step is measured
        Screen first = load.open(0);
        first.measured = false;
        load.open(1).measured = false;
        String probeToken = System.getenv("BENCH_PROBE_TOKEN");
        if (probeToken != null && !probeToken.isBlank()) {
            load.probe = load.new Probe(probeToken, first.admitted);
        }
        for (int n : steps) {
            long t0 = System.nanoTime();
            List<Future<Screen>> opening = new ArrayList<>();
            for (int i = load.screens.size(); i < n; i++) {
                int index = i;
                opening.add(openers.submit(() -> load.open(index)));
            }
            for (Future<Screen> f : opening) {
                load.screens.add(f.get());
            }
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(settle * 1000L);
            rows.add(load.measure(server, n, window, openSeconds, out));
        }
        openers.shutdownNow();
        load.close();
        Files.write(out.resolve("steps.txt"), rows, StandardCharsets.UTF_8);
        System.exit(0);
    }

    /** Stops the heartbeats and closes every screen opened. */
    void close() {
        heartbeats.shutdownNow();
        for (Screen s : screens) {
            s.close();
        }
    }

    private String measure(ServerProcess server, int n, int window, double openSeconds, Path out) throws Exception {
        gaps = newGaps();
        long[] before = screens.stream().mapToLong(s -> s.pushes.get()).toArray();
        for (Screen s : screens) {
            s.lastPush = 0;
        }
        pushedChars.set(0);
        Probe p = probe;
        if (p != null) {
            p.latencies = new AtomicLongArray(MAX_GAP_MS + 1);
        }
        measuring = true;
        double accepted0 = acceptedVerdicts();
        double cpu0 = server.cpuSeconds();
        ServerProcess client = new ServerProcess(ProcessHandle.current().pid());
        double clientCpu0 = client.cpuSeconds();
        long t0 = System.nanoTime();
        Thread.sleep(window * 1000L);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (server.cpuSeconds() - cpu0) / seconds;
        double clientCpu = (client.cpuSeconds() - clientCpu0) / seconds;
        int threads = server.threads();
        double ingested = (acceptedVerdicts() - accepted0) / seconds;
        measuring = false;
        long pushes = 0;
        int silent = 0;
        for (int i = 0; i < screens.size(); i++) {
            long got = screens.get(i).pushes.get() - before[i];
            pushes += got;
            if (got == 0) {
                silent++;
            }
        }
        long heap = -1;
        if (!"0".equals(System.getenv("BENCH_HEAP"))) {
            heap = server.liveHeap(out.resolve("histogram-" + n + ".txt"));
        }
        String row = String.format("sessions=%d opened-in=%.0fs verdicts/s=%.0f server-cpu=%.2f-cores"
                        + " pushes/s/session=%.2f chars/push=%.0f gap-ms(p50/p99/max) venue=%s overview=%s silent=%d closed=%d"
                        + " verdict-to-screen-ms(p50/p99/max)=%s live-heap=%.1fMB server-threads=%d"
                        + " client-cpu=%.2f-cores load=%s",
                n, openSeconds, ingested, cpu, n == 0 ? 0 : pushes / seconds / n,
                pushes == 0 ? 0.0 : (double) pushedChars.get() / pushes, gapFigures(gaps[0]),
                gapFigures(gaps[1]), silent, closed.get(),
                p == null ? "-" : p.failed ? "failed" : gapFigures(p.latencies), heap / 1048576.0, threads, clientCpu,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.println(row);
        return row;
    }

    /** Verdicts the server has accepted since it started, from its Prometheus counters (read as the demo admin). */
    private double acceptedVerdicts() throws Exception {
        String admin = System.getenv().getOrDefault("BENCH_ADMIN", "admin:admin123");
        String metrics = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8))).GET(), 200);
        double total = 0;
        Matcher m = ACCEPTED.matcher(metrics);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static AtomicLongArray[] newGaps() {
        return new AtomicLongArray[] {new AtomicLongArray(MAX_GAP_MS + 1), new AtomicLongArray(MAX_GAP_MS + 1)};
    }

    private static String gapFigures(AtomicLongArray g) {
        return percentile(g, 0.50) + "/" + percentile(g, 0.99) + "/" + percentile(g, 1.0);
    }

    private static long percentile(AtomicLongArray g, double p) {
        long total = 0;
        for (int i = 0; i < g.length(); i++) {
            total += g.get(i);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < g.length(); i++) {
            seen += g.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return MAX_GAP_MS;
    }

    /**
     * Signs in, opens the view and its push connection, as a browser tab does: even indexes the demo manager on
     * the venue view, odd ones the demo official on the city overview.
     */
    Screen open(int index) throws Exception {
        boolean manager = index % 2 == 0;
        String route = manager ? "venues/" + venueId : "";
        for (int attempt = 1; ; attempt++) {
            try {
                String cookie = signIn(manager ? "manager" : "official", manager ? "manager123" : "official123");
                String init = send(HttpRequest.newBuilder(uri("/?v-r=init&location=" + enc(route) + "&query="))
                        .header("Cookie", cookie).GET(), 200);
                String key = group(SECURITY_KEY, init);
                String pushId = group(PUSH_ID, init);
                String uiId = group(UI_ID, init);
                String navigate = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                        + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                        + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                        + "\"syncId\":0,\"clientId\":0}";
                String shown = send(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId)).header("Cookie", cookie)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate)), 200);
                String expected = manager ? "total-admitted" : "venue-cards";
                if (!shown.contains(expected)) {
                    throw new IllegalStateException("view not shown for session " + index + ": "
                            + shown.substring(0, Math.min(300, shown.length())));
                }
                Screen screen = new Screen(cookie, !manager);
                if (manager) {
                    screen.admittedSplice = Pattern.compile("\\{\"node\":" + group(ADMITTED_ID, shown)
                            + ",\"type\":\"splice\",\"feat\":\\d+,\"index\":0,\"addNodes\":\\[(\\d+)]}");
                    screen.admitted(shown);
                }
                screen.connect(uiId, pushId);
                heartbeats.scheduleAtFixedRate(() -> screen.heartbeat(uiId), 60, 60, TimeUnit.SECONDS);
                return screen;
            } catch (Exception e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page);
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                + enc(group(CSRF, page.body()));
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in refused for " + username + ": " + posted.statusCode() + " " + location);
        }
        return sessionCookie(posted);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.statusCode() + " from " + r.uri());
        }
        return r.body();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    /**
     * Verdict to screen, on the venue views: every 100 ms it posts a batch of admitted verdicts through one of
     * the city centre's gates (the device API, as a gate does), and for every batch it records the time from
     * sending it to each venue view's first push whose "admitted" figure includes it. The script keeps every
     * other verdict away from the city centre (its gates are left out of the load, the demo simulator is
     * off), so the figure counts the probe's batches exactly.
     */
    final class Probe {
        private static final int PER_BATCH = 5;
        private final long base;
        private final long[] sentAt = new long[1 << 20];
        private volatile int sent;
        private volatile boolean failed;
        private volatile AtomicLongArray latencies = new AtomicLongArray(MAX_GAP_MS + 1);

        /** @param base the city centre's "admitted" figure before the first batch */
        Probe(String token, long base) {
            if (base < 0) {
                throw new IllegalStateException("the venue view showed no admitted figure to start from");
            }
            this.base = base;
            GateClient gate = new GateClient(baseUrl, token);
            heartbeats.scheduleWithFixedDelay(() -> send(gate), 0, 100, TimeUnit.MILLISECONDS);
        }

        private void send(GateClient gate) {
            int k = sent;
            if (failed || k == sentAt.length) {
                return;
            }
            List<StoredVerdict> batch = new ArrayList<>();
            for (int i = 0; i < PER_BATCH; i++) {
                batch.add(VerdictFixture.verdict(0, 0, 0, Instant.now(),
                        Outcome.ADMITTED, Set.of(),
                        PersonRole.BIDDER, 10.0, false));
            }
            sentAt[k] = System.nanoTime();
            sent = k + 1;
            try {
                gate.post(batch);
            } catch (RuntimeException e) {
                failed = true;
                System.err.println("The verdict-to-screen probe stopped: " + e.getMessage());
            }
        }

        /**
         * A venue view that had shown {@code covered} batches shows {@code admitted} at {@code now}; records the
         * batches it shows for the first time (within a measuring window) and answers how many it shows.
         */
        int shown(int covered, long admitted, long now) {
            int shows = (int) Math.min(sent, Math.max(0, (admitted - base) / PER_BATCH));
            if (measuring) {
                AtomicLongArray l = latencies;
                for (int i = covered; i < shows; i++) {
                    l.incrementAndGet((int) Math.min(MAX_GAP_MS, (now - sentAt[i]) / 1_000_000));
                }
            }
            return Math.max(covered, shows);
        }
    }

    /** One open dashboard: its session cookie and push connection. */
    final class Screen extends Endpoint {
        private final String cookie;
        private final boolean overview;
        private final AtomicLong pushes = new AtomicLong();
        private volatile long lastPush;
        private volatile boolean measured = true;
        /**
         * On a venue view, how a message puts a new text node into its "admitted" element; and the figure that
         * element shows (-1 until known).
         */
        private volatile Pattern admittedSplice;
        private volatile long admitted = -1;
        /** The probe's batches this screen has shown. */
        private int covered;
        /** The times pushes arrived since {@link #recordArrivals}; null before. */
        private volatile Queue<Long> arrivals;
        private Session session;
        private final StringBuilder partial = new StringBuilder();

        Screen(String cookie, boolean overview) {
            this.cookie = cookie;
            this.overview = overview;
        }

        void connect(String uiId, String pushId) throws Exception {
            String ws = baseUrl.replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId="
                    + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                    + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                    + "&Content-Type=" + enc("application/json; charset=UTF-8") + "&X-atmo-protocol=true";
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                    .extensions(List.of(DEFLATE))
                    .configurator(new ClientEndpointConfig.Configurator() {
                        @Override
                        public void beforeRequest(Map<String, List<String>> headers) {
                            headers.put("Cookie", List.of(cookie));
                        }

                        @Override
                        public void afterResponse(HandshakeResponse response) {
                        }
                    }).build();
            session = sockets.connectToServer(this, config, URI.create(ws));
            if (session.getNegotiatedExtensions().isEmpty()) {
                throw new IllegalStateException("the server did not agree to permessage-deflate");
            }
        }

        @Override
        public void onOpen(Session s, EndpointConfig config) {
            s.addMessageHandler(new MessageHandler.Partial<String>() {
                @Override
                public void onMessage(String part, boolean last) {
                    partial.append(part);
                    if (last) {
                        received(partial);
                        partial.setLength(0);
                    }
                }
            });
        }

        private void received(CharSequence message) {
            int length = message.length();
            if (length < 64 || !measured) {
                return; // Atmosphere's handshake and heartbeat padding, not a push of the view
            }
            pushes.incrementAndGet();
            if (admittedSplice != null) {
                admitted(message);
            }
            Queue<Long> times = arrivals;
            if (times != null) {
                times.add(System.nanoTime());
            }
            if (measuring) {
                pushedChars.addAndGet(length);
                Path dump = dumpDir;
                if (dump != null) {
                    Path file = dump.resolve((overview ? "push-overview" : "push-venue") + ".txt");
                    synchronized (PushSessionsLoad.this) {
                        if (!Files.exists(file)) {
                            try {
                                Files.writeString(file, message, StandardCharsets.UTF_8);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                }
            }
            long now = System.nanoTime();
            long previous = lastPush;
            lastPush = now;
            if (measuring && previous != 0) {
                gaps[overview ? 1 : 0].incrementAndGet((int) Math.min(MAX_GAP_MS, (now - previous) / 1_000_000));
            }
        }

        @Override
        public void onClose(Session s, CloseReason reason) {
            closed.incrementAndGet();
        }

        void heartbeat(String uiId) {
            try {
                http.send(HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=" + uiId)).header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                // a missed heartbeat shows as a closed UI later
            }
        }

        /**
         * Reads the "admitted" figure if the message sets it: Vaadin puts a new text node into the element (a
         * splice) and gives that node its text.
         */
        private void admitted(CharSequence message) {
            Matcher splice = admittedSplice.matcher(message);
            String textNode = null;
            while (splice.find()) {
                textNode = splice.group(1);
            }
            if (textNode == null) {
                return;
            }
            Matcher text = Pattern.compile("\\{\"node\":" + textNode
                    + ",\"type\":\"put\",\"key\":\"text\",\"feat\":\\d+,\"value\":\"([^\"]*)\"}").matcher(message);
            if (!text.find()) {
                return;
            }
            String digits = text.group(1).replaceAll("[^0-9]", "");
            if (digits.isEmpty()) {
                return;
            }
            admitted = Long.parseLong(digits);
            Probe p = probe;
            if (p != null) {
                covered = p.shown(covered, admitted, System.nanoTime());
            }
        }

        /** Pushes of the view received so far. */
        long pushes() {
            return pushes.get();
        }

        /** From now on keeps the time each push arrives (for a test; the benchmark keeps only counts). */
        void recordArrivals() {
            arrivals = new ConcurrentLinkedQueue<>();
        }

        /** The gaps between the pushes that arrived since {@link #recordArrivals}, in ms. */
        List<Long> gapsMillis() {
            List<Long> times = new ArrayList<>(arrivals);
            List<Long> result = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                result.add((times.get(i) - times.get(i - 1)) / 1_000_000);
            }
            return result;
        }

        void close() {
            try {
                session.close();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
    }
}
