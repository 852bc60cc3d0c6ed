package org.gateboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load tools' command line (test sources: the production jar holds none of this), run by scripts/bench-*.sh
 * with the test classes on the class path:
 * <pre>
 * enroll --url U --admin-password P [--admin-user admin] [--devices 50] [--tokens-file bench/tokens.txt]
 * load   --tokens-file F [--url U] [--devices 50] [--batch 100] [--seconds 30] [--rate 10000]
 *        [--warmup 10] [--runs open,closed,raw] [--rounds 3] [--jdbc-url J --jdbc-user root --jdbc-password ""]
 * </pre>
 * {@code enroll} registers benchmark devices, one per gate of the benchmark venue {@code BENCH}, through the
 * registry admin API (audited like any admin's change) and writes their tokens; {@code load} is the ingestion
 * benchmark ({@link LoadBenchmark}).
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        GateSimulator.quietLogging();
        Map<String, String> o = GateSimulator.options(args);
        switch (args.length == 0 ? "" : args[0]) {
            case "enroll" -> enroll(o);
            case "load" -> load(o);
            default -> {
                System.err.println("Commands: enroll, load (see docs/performance.md)");
                System.exit(2);
            }
        }
    }

    private static void load(Map<String, String> o) throws Exception {
        new LoadBenchmark(new LoadBenchmark.Options(o.getOrDefault("url", "http://127.0.0.1:8080"),
                GateSimulator.tokens(o), Integer.parseInt(o.getOrDefault("devices", "50")),
                Integer.parseInt(o.getOrDefault("batch", "100")), Integer.parseInt(o.getOrDefault("seconds", "30")),
                Integer.parseInt(o.getOrDefault("rate", "10000")), o.get("jdbc-url"),
                o.getOrDefault("jdbc-user", "root"), o.getOrDefault("jdbc-password", ""),
                Integer.parseInt(o.getOrDefault("warmup", "10")),
                Set.of(o.getOrDefault("runs", "open,closed,raw").split(",")),
                Integer.parseInt(o.getOrDefault("rounds", "3")))).run();
    }

    static void enroll(Map<String, String> o) throws Exception {
        int devices = Integer.parseInt(o.getOrDefault("devices", "50"));
        Path file = Path.of(o.getOrDefault("tokens-file", "bench/tokens.txt"));
        String password = o.get("admin-password");
        if (password == null) {
            throw new IllegalArgumentException("--admin-password is required");
        }
        RegistryAdminClient registry = new RegistryAdminClient(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                o.getOrDefault("url", "http://127.0.0.1:8080"), o.getOrDefault("admin-user", "admin"), password);
        long venue = registry.venue("BENCH", "压测场所", "Benchmark venue", null);
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= devices; i++) {
            String code = String.format("B%03d", i);
            long gate = registry.gate(venue, code, "压测门 " + code, "Benchmark gate " + code);
            JsonNode device = registry.registerDevice(gate, "BENCH-" + code);
            tokens.add(device.get("token").asText());
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, tokens);
        System.out.printf("Enrolled %d benchmark devices through the admin API; tokens in %s%n", devices, file);
    }
}
