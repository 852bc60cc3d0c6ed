package org.gateboard.cluster;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/cluster.sh} run from a test: {@link #up} starts the cluster on free ports and reads the lines the
 * script prints, {@link #close} runs {@code down}, which stops exactly what {@code up} started. Nodes and the
 * replica are ended by the process ids the script recorded under {@code target/cluster/pids}.
 */
final class LocalCluster implements AutoCloseable {

    /** An app node: its number (HAProxy's server {@code node<number>}, also its GBNODE cookie) and address. */
    record Node(int number, String url) {

        String cookie() {
            return "node" + number;
        }
    }

    private static final Pattern NODE = Pattern.compile("^node (\\d+) (http://\\S+)$");
    private static final Map<String, String> PACKAGES = new LinkedHashMap<>();

    static {
        PACKAGES.put("haproxy", "haproxy");
        PACKAGES.put("mariadbd", "mariadb-server");
        PACKAGES.put("mariadb-install-db", "mariadb-server");
        PACKAGES.put("mariadb", "mariadb-client");
        PACKAGES.put("curl", "curl");
        PACKAGES.put("redis-cli", "redis-tools");
    }

    private final Path root;
    private final String balancer;
    private final List<Node> nodes;
    private final Properties env;
    private final Thread downOnExit;
    private boolean down;

    private LocalCluster(Path root, String balancer, List<Node> nodes, Properties env) {
        this.root = root;
        this.balancer = balancer;
        this.nodes = List.copyOf(nodes);
        this.env = env;
        this.downOnExit = new Thread(() -> runDown(root), "cluster-down");
        Runtime.getRuntime().addShutdownHook(downOnExit);
    }

    /**
     * Aborts the calling test (an assumption, not a failure) when what the script needs is missing and it cannot
     * install it: it installs Debian's packages itself only when run as root.
     */
    static void assumeToolsInstallable() {
        List<String> missing = new ArrayList<>();
        PACKAGES.forEach((command, pkg) -> {
            if (!onPath(command)) {
                missing.add(command + " (" + pkg + ")");
            }
        });
        if (!redisAnswers() && !onPath("redis-server")) {
            missing.add("redis-server (redis-server), as no Redis answers at 127.0.0.1:6379");
        }
        boolean canInstall = "root".equals(System.getProperty("user.name")) && onPath("apt-get");
        Assumptions.assumeTrue(missing.isEmpty() || canInstall, "Cluster test skipped: missing "
                + String.join(", ", missing) + "; install those Debian packages (scripts/cluster.sh installs them "
                + "when run as root)");
    }

    /**
     * {@code scripts/cluster.sh up <nodes>} on free ports, with {@code jar} (extracted) as every node's jar, waiting
     * until it has finished (it returns once HAProxy answers); fails with the script's own words if it did not.
     */
    static LocalCluster up(Path root, int nodes, Path jar, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createDirectories(root.resolve("target/cluster-test"));
        Path app = extract(jar, out.resolve("app"));
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/cluster.sh", "up", String.valueOf(nodes))
                .directory(root.toFile())
                // files, not pipes: the servers it starts keep running after it, and a pipe they held would never end
                .redirectOutput(out.resolve("up.out").toFile())
                .redirectError(out.resolve("up.err").toFile());
        Map<String, String> environment = script.environment();
        // the nodes run on the JVM running this test (Java 17 even where another is the default)
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH")
                + ":/usr/sbin:/sbin");
        environment.put("GATEBOARD_CLUSTER_JAR", app.toString());
        environment.put("GATEBOARD_CLUSTER_PORT", String.valueOf(freePort()));
        environment.put("GATEBOARD_CLUSTER_NODE_PORT", String.valueOf(freePort()));
        environment.put("GATEBOARD_CLUSTER_DB_PORT", String.valueOf(freePort()));
        // no demo gate simulator: the test's device is the only load, so its counts are exact
        environment.put("GATEBOARD_CLUSTER_SIMULATOR", "false");
        environment.put("APP_START_SECONDS", String.valueOf(timeout.toSeconds()));
        environment.put("DEBIAN_FRONTEND", "noninteractive");
        Process process = script.start();
        boolean ended = process.waitFor(timeout.toSeconds() * 2 + 120, TimeUnit.SECONDS);
        String progress = Files.readString(out.resolve("up.err"));
        System.out.println("scripts/cluster.sh up " + nodes + ":\n" + progress);
        if (!ended) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            runDown(root);
            throw new IllegalStateException("scripts/cluster.sh up did not end; logs in target/cluster/logs");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("scripts/cluster.sh up failed (" + process.exitValue() + "): " + progress);
        }
        String balancer = null;
        List<Node> started = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("up.out"))) {
            Matcher node = NODE.matcher(line);
            if (line.startsWith("balancer ")) {
                balancer = line.substring("balancer ".length()).strip();
            } else if (node.matches()) {
                started.add(new Node(Integer.parseInt(node.group(1)), node.group(2)));
            }
        }
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(root.resolve("target/cluster/cluster.env"))) {
            env.load(reader);
        }
        LocalCluster cluster = new LocalCluster(root, balancer, started, env);
        if (balancer == null || started.size() != nodes) {
            cluster.close();
            throw new IllegalStateException("scripts/cluster.sh up printed no balancer or not " + nodes + " nodes: "
                    + Files.readString(out.resolve("up.out")));
        }
        return cluster;
    }

    /**
     * The jar extracted into {@code dir} (Spring Boot's jar tools): the application's jar with its libraries beside it
     * in {@code lib/}. The development jar that {@code mvn verify} packages runs Vaadin in development mode, which at
     * start copies front-end files out of the libraries into {@code frontend/generated}; from libraries nested in a
     * jar it copies none, and every page then fails. A production jar runs the same either way.
     */
    private static Path extract(Path jar, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolveSibling("extract.log");
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--force",
                "--destination", dir.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroy();
            throw new IllegalStateException("Could not extract " + jar + ": " + Files.readString(log));
        }
        return dir.resolve(jar.getFileName()).toAbsolutePath();
    }

    String balancer() {
        return balancer;
    }

    List<Node> nodes() {
        return nodes;
    }

    Node node(String cookie) {
        return nodes.stream().filter(n -> n.cookie().equals(cookie)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + cookie));
    }

    Node other(Node node) {
        return nodes.stream().filter(n -> n.number() != node.number()).findFirst().orElseThrow();
    }

    /** A new connection to the primary, as the app's account. */
    Connection primary() throws SQLException {
        return DriverManager.getConnection(env.getProperty("PRIMARY"), env.getProperty("DB_USER"),
                env.getProperty("DB_PASSWORD"));
    }

    /** A node's log so far. */
    String log(Node node) throws IOException {
        return Files.readString(root.resolve("target/cluster/logs/node" + node.number() + ".log"));
    }

    /** kill -9 of the node's JVM; returns once it has ended. */
    void kill(Node node) throws Exception {
        ProcessHandle process = recorded("node" + node.number(), ".jar");
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(30));
    }

    /** Stops the replica's mariadbd (SIGTERM, as a shutdown); returns once it has ended. */
    void stopReplica() throws Exception {
        ProcessHandle process = recorded("replica", "mariadbd");
        process.destroy();
        awaitExit(process, Duration.ofSeconds(120));
    }

    private ProcessHandle recorded(String name, String commandContains) throws IOException {
        long pid = Long.parseLong(Files.readString(root.resolve("target/cluster/pids/" + name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " (process " + pid + ") is not running"));
        // the process id is still the one the script started, not a reused one
        String command = process.info().commandLine().orElse("");
        if (!command.contains(commandContains)) {
            throw new IllegalStateException("Process " + pid + " is not the cluster's " + name + ": " + command);
        }
        return process;
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) throws Exception {
        try {
            process.onExit().get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Process " + process.pid() + " did not end in " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code scripts/cluster.sh down}: stops what is still running of what {@code up} started. */
    @Override
    public synchronized void close() {
        if (!down) {
            down = true;
            runDown(root);
            try {
                Runtime.getRuntime().removeShutdownHook(downOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing left to remove
            }
        }
    }

    private static void runDown(Path root) {
        try {
            Path out = Files.createDirectories(root.resolve("target/cluster-test"));
            Process process = new ProcessBuilder("bash", "scripts/cluster.sh", "down").directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(out.resolve("down.out").toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroy();
            }
            System.out.println("scripts/cluster.sh down:\n" + Files.readString(out.resolve("down.out")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Redis answers PING at 127.0.0.1:6379 (the script then uses it rather than start its own). */
    private static boolean redisAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(5);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
