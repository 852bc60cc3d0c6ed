package org.gateboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The device side of the fault campaign ({@code scripts/fault-campaign.sh}, which kills and restarts the app
 * and the database): enrols gate devices through the admin API, plays each with the simulator's gate on a
 * thread of its own and keeps a ledger of every verdict made and every verdict a 200 named. The script talks
 * to it through files in the control directory:
 * <ul>
 *   <li>{@code acked}: how many verdicts a 200 has named so far, rewritten every half second;</li>
 *   <li>{@code check-N} (made by the script): answered with {@code check-N.result}, the database held to the
 *       ledger so far;</li>
 *   <li>{@code stop} (made by the script): nobody arrives any more, the backlogs drain, the final counts are
 *       printed and the process ends (exit status 0 only for nothing lost and nothing doubled).</li>
 * </ul>
 * <pre>
 * java -cp ... org.gateboard.simulator.FaultCampaign --url U --admin-password P --jdbc-url J
 *      --jdbc-user U --jdbc-password P --control DIR [--devices 20] [--rate 300] [--drain-seconds 300]
 * </pre>
 */
public final class FaultCampaign {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> options;
    private final Path control;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CampaignLedger ledger = new CampaignLedger();
    private final List<SimulatedGate> gates = new ArrayList<>();
    private volatile boolean stopping;

    private FaultCampaign(Map<String, String> options) {
        this.options = options;
        this.control = Path.of(require("control"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new FaultCampaign(o).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Files.createDirectories(control);
        int devices = Integer.parseInt(options.getOrDefault("devices", "20"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "300"));
        long venueId = enrol(devices);
        CampaignCheck check = new CampaignCheck(require("jdbc-url"), require("jdbc-user"),
                options.getOrDefault("jdbc-password", ""), ledger, venueId);
        // No offline periods (the campaign makes its own outages); 2 % of answers "lost" so that resends and
        // duplicates happen all along; 1 % gate errors, which the server stores and flags.
        SimulatedGate.Settings settings = new SimulatedGate.Settings(rate / devices, Duration.ofSeconds(1), 0,
                Duration.ofSeconds(1), 0.02, 0.01, Duration.ofSeconds(30));
        Random seeds = new Random(Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime()))));
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, String> device : ledger.tokens.entrySet()) {
            SimulatedGate gate = new SimulatedGate(device.getKey(), new DeviceClient(http, JSON, require("url"),
                    device.getValue()), settings, new Random(seeds.nextLong()), ledger);
            gates.add(gate);
            Thread thread = new Thread(() -> play(gate), "gate-" + device.getKey());
            thread.start();
            threads.add(thread);
        }
        System.out.printf("Fault campaign: %d devices at about %.0f verdicts/s against %s%n", devices, rate,
                require("url"));
        int checks = 0;
        Instant drainUntil = null;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            write("acked", String.valueOf(ledger.acknowledgedCount()));
            for (int n = checks + 1; Files.exists(control.resolve("check-" + n)); n++) {
                write("check-" + n + ".result", check.roundCheck(n));
                checks = n;
            }
            if (!stopping && Files.exists(control.resolve("stop"))) {
                stopping = true;
                gates.forEach(SimulatedGate::stopArrivals);
                drainUntil = Instant.now().plusSeconds(Long.parseLong(options.getOrDefault("drain-seconds", "300")));
                System.out.println("Fault campaign: arrivals stopped, draining the backlogs");
            }
            if (drainUntil != null && Instant.now().isAfter(drainUntil)) {
                System.out.println("Fault campaign: backlogs not drained in time: " + backlogs());
                threads.forEach(Thread::interrupt);
                break;
            }
            Thread.sleep(500);
        }
        for (Thread thread : threads) {
            thread.join(20_000);
        }
        write("acked", String.valueOf(ledger.acknowledgedCount()));
        System.out.println("Fault campaign, devices: " + ledger.summary());
        CampaignCheck.Final result = check.finalCheck(() -> liveTotal(venueId));
        System.out.println(result.report());
        write("final", result.report());
        return result.passed();
    }

    /** One device: step every 200 ms; once stopping, until its backlog is empty. */
    private void play(SimulatedGate gate) {
        Clock clock = Clock.systemUTC();
        Instant last = clock.instant();
        try {
            while (!stopping || gate.backlog() > 0) {
                Instant now = clock.instant();
                gate.step(now, Duration.between(last, now));
                last = now;
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String backlogs() {
        return gates.stream().mapToInt(SimulatedGate::backlog).sum() + " verdicts still held by the devices";
    }

    /** A venue of its own with one gate and one device per gate, through the admin API as a script would. */
    private long enrol(int devices) throws IOException, InterruptedException {
        RegistryAdminClient registry = new RegistryAdminClient(http, require("url"),
                options.getOrDefault("admin-user", "admin"), require("admin-password"));
        String code = "FAULT-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        long venueId = registry.venue(code, "故障演练场所", "Fault campaign venue", "演练区");
        for (int i = 1; i <= devices; i++) {
            long gate = registry.gate(venueId, "G" + i, "演练门 " + i, "Drill gate " + i);
            JsonNode device = registry.registerDevice(gate, code + "-G" + i);
            ledger.tokens.put(device.get("deviceId").asText(), device.get("token").asText());
        }
        System.out.printf("Enrolled venue %s (id %d) with %d devices through the admin API%n", code, venueId, devices);
        return venueId;
    }

    /** Today's admitted plus refused for the venue, as the live counters hold them (the stats API). */
    private long liveTotal(long venueId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(require("url")
                + "/api/v1/stats/venues")).header("Authorization", basic()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The stats API answered " + response.statusCode());
        }
        for (JsonNode venue : JSON.readTree(response.body())) {
            if (venue.get("venueId").asLong() == venueId) {
                return venue.get("admitted").asLong() + venue.get("refused").asLong();
            }
        }
        throw new IllegalStateException("The stats API does not list venue " + venueId);
    }

    private String basic() {
        String credentials = options.getOrDefault("admin-user", "admin") + ":" + require("admin-password");
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** Written whole or not at all, so the script never reads half a file. */
    private void write(String name, String content) throws IOException {
        Path temp = control.resolve(name + ".tmp");
        Files.writeString(temp, content + "\n");
        Files.move(temp, control.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private String require(String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }
}
