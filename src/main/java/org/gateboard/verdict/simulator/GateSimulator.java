package org.gateboard.verdict.simulator;

import org.gateboard.venue.DeviceTokens;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate simulator, a command of its own (no Spring):
 * <pre>
 * simulate [--url U] [--tokens t1,t2 | --tokens-file F | --demo] [--rate R] [--seconds S] [--offline P]
 *          [--lost-answers P] [--gate-errors P] [--seed N]
 * load     --tokens-file F [--url U] [--devices 50] [--batch 100] [--seconds 30] [--rate 10000]
 *          [--warmup 10] [--runs open,closed,raw] [--rounds 3] [--jdbc-url J --jdbc-user root --jdbc-password ""]
 * enroll   --jdbc-url J [--jdbc-user root] [--jdbc-password ""] [--devices 50] [--tokens-file F]
 * </pre>
 * {@code simulate} plays gates with realistic traffic; {@code load} is the ingestion benchmark;
 * {@code enroll} registers benchmark devices straight in a benchmark database and writes their tokens.
 */
public final class GateSimulator {

    /** The demo devices' tokens (demo mode derives them from the demo venues and gates). */
    static final List<String> DEMO_TOKENS = demoTokens();

    private GateSimulator() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Map<String, String> o = options(args);
        String command = args.length == 0 || args[0].startsWith("--") ? "simulate" : args[0];
        switch (command) {
            case "simulate" -> simulate(o);
            case "load" -> load(o);
            case "enroll" -> enroll(o);
            default -> {
                System.err.println("Commands: simulate, load, enroll (see docs/device-api.md and docs/performance.md)");
                System.exit(2);
            }
        }
    }

    private static void simulate(Map<String, String> o) throws Exception {
        List<String> tokens = tokens(o);
        double rate = Double.parseDouble(o.getOrDefault("rate", "1"));
        SimulatedGate.Settings settings = new SimulatedGate.Settings(rate / tokens.size(),
                Duration.ofSeconds(2), Double.parseDouble(o.getOrDefault("offline", "0.2")), Duration.ofMinutes(3),
                Double.parseDouble(o.getOrDefault("lost-answers", "0.02")),
                Double.parseDouble(o.getOrDefault("gate-errors", "0.01")), Duration.ofSeconds(30));
        Simulation simulation = new Simulation(o.getOrDefault("url", "http://127.0.0.1:8080"), tokens, settings,
                Long.parseLong(o.getOrDefault("seed", String.valueOf(System.nanoTime()))), Duration.ofMillis(500),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "0"))), Duration.ofSeconds(10),
                Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(simulation::stop));
        System.out.printf("Simulating %d gates against %s at about %.1f verdicts/s (times the time-of-day peak)%n",
                tokens.size(), o.getOrDefault("url", "http://127.0.0.1:8080"), rate);
        simulation.run();
    }

    private static void load(Map<String, String> o) throws Exception {
        int rate = Integer.parseInt(o.getOrDefault("rate", "10000"));
        new LoadBenchmark(new LoadBenchmark.Options(o.getOrDefault("url", "http://127.0.0.1:8080"), tokens(o),
                Integer.parseInt(o.getOrDefault("devices", "50")), Integer.parseInt(o.getOrDefault("batch", "100")),
                Integer.parseInt(o.getOrDefault("seconds", "30")), rate, o.get("jdbc-url"),
                o.getOrDefault("jdbc-user", "root"), o.getOrDefault("jdbc-password", ""),
                Integer.parseInt(o.getOrDefault("warmup", "10")),
                java.util.Set.of(o.getOrDefault("runs", "open,closed,raw").split(",")),
                Integer.parseInt(o.getOrDefault("rounds", "3")))).run();
    }

    /** Registers devices at the gates of a benchmark venue straight in the database; prints the tokens once. */
    private static void enroll(Map<String, String> o) throws Exception {
        int devices = Integer.parseInt(o.getOrDefault("devices", "50"));
        Path file = Path.of(o.getOrDefault("tokens-file", "bench/tokens.txt"));
        SecureRandom random = new SecureRandom();
        List<String> tokens = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(require(o, "jdbc-url"), o.getOrDefault("jdbc-user", "root"),
                o.getOrDefault("jdbc-password", ""))) {
            long venue = idOf(c, "SELECT id FROM venue WHERE code = 'BENCH'");
            if (venue < 0) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO venue (code, name_zh, name_en, level, active, created_at) VALUES"
                            + " ('BENCH', '压测场所', 'Benchmark venue', 'DISTRICT', TRUE, NOW(3))");
                }
                venue = idOf(c, "SELECT id FROM venue WHERE code = 'BENCH'");
            }
            for (int i = 1; i <= devices; i++) {
                String code = String.format("B%03d", i);
                long gate = idOf(c, "SELECT id FROM gate WHERE venue_id = " + venue + " AND code = '" + code + "'");
                if (gate < 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO gate (venue_id, code, name_zh, name_en,"
                            + " active, created_at) VALUES (?, ?, ?, ?, TRUE, ?)")) {
                        ps.setLong(1, venue);
                        ps.setString(2, code);
                        ps.setString(3, "压测门 " + code);
                        ps.setString(4, "Benchmark gate " + code);
                        ps.setTimestamp(5, now);
                        ps.executeUpdate();
                    }
                    gate = idOf(c, "SELECT id FROM gate WHERE venue_id = " + venue + " AND code = '" + code + "'");
                }
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                String token = "gbd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (gate_id, label, token_hash, status,"
                        + " created_at, token_issued_at) VALUES (?, ?, ?, 'ACTIVE', ?, ?)")) {
                    ps.setLong(1, gate);
                    ps.setString(2, "BENCH-" + code);
                    ps.setString(3, DeviceTokens.hash(token));
                    ps.setTimestamp(4, now);
                    ps.setTimestamp(5, now);
                    ps.executeUpdate();
                }
                tokens.add(token);
            }
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, tokens);
        System.out.printf("Enrolled %d benchmark devices; tokens in %s%n", devices, file);
    }

    private static long idOf(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static List<String> tokens(Map<String, String> o) throws IOException {
        if (o.containsKey("tokens")) {
            return List.of(o.get("tokens").split(","));
        }
        if (o.containsKey("tokens-file")) {
            return Files.readAllLines(Path.of(o.get("tokens-file"))).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
        return DEMO_TOKENS;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                o.put(key, hasValue ? args[++i] : "true");
            }
        }
        return o;
    }

    private static String require(Map<String, String> o, String key) {
        String value = o.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    private static List<String> demoTokens() {
        List<String> tokens = new ArrayList<>();
        String[][] venues = {{"sh-city", "4"}, {"pd", "3"}, {"mh", "2"}, {"jd", "2"}, {"sj", "2"}, {"lg", "2"},
                {"lh", "2"}};
        for (String[] v : venues) {
            for (int g = 1; g <= Integer.parseInt(v[1]); g++) {
                tokens.add("gbd_demo_" + v[0] + "_g" + g);
            }
        }
        return tokens;
    }

    /** A command-line run logs at INFO, not at the logging library's chatty default. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
