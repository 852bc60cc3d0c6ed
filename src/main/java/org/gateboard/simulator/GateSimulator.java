package org.gateboard.simulator;

import org.slf4j.LoggerFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate simulator as a command of its own (no Spring), against any running Gateboard:
 * <pre>
 * simulate [--url U] [--tokens t1,t2 | --tokens-file F | --demo] [--rate R] [--seconds S] [--offline P]
 *          [--lost-answers P] [--gate-errors P] [--seed N]
 * </pre>
 * It plays gates with realistic traffic, with the demo devices' tokens unless told others. The load tools
 * ({@code load}, {@code enroll}) are in the test sources: {@code LoadTool}.
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
        if (!command.equals("simulate")) {
            System.err.println("Command: simulate (see the README; the load tools are LoadTool in the test sources)");
            System.exit(2);
        }
        simulate(o);
    }

    private static void simulate(Map<String, String> o) throws Exception {
        List<String> tokens = tokens(o);
        double rate = Double.parseDouble(o.getOrDefault("rate", "1"));
        SimulatedGate.Settings settings = new SimulatedGate.Settings(rate / tokens.size(),
                Duration.ofSeconds(2), Double.parseDouble(o.getOrDefault("offline", "0.2")), Duration.ofMinutes(3),
                Double.parseDouble(o.getOrDefault("lost-answers", "0.02")),
                Double.parseDouble(o.getOrDefault("gate-errors", "0.01")), Duration.ofSeconds(30));
        // no application context on the command line: the builder Spring Boot makes its mapper with
        Simulation simulation = new Simulation(o.getOrDefault("url", "http://127.0.0.1:8080"), tokens,
                Jackson2ObjectMapperBuilder.json().build(), settings,
                Long.parseLong(o.getOrDefault("seed", String.valueOf(System.nanoTime()))), Duration.ofMillis(500),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "0"))), Duration.ofSeconds(10),
                Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(simulation::stop));
        System.out.printf("Simulating %d gates against %s at about %.1f verdicts/s (times the time-of-day peak)%n",
                tokens.size(), o.getOrDefault("url", "http://127.0.0.1:8080"), rate);
        simulation.run();
    }

    static List<String> tokens(Map<String, String> o) throws IOException {
        if (o.containsKey("tokens")) {
            return List.of(o.get("tokens").split(","));
        }
        if (o.containsKey("tokens-file")) {
            return Files.readAllLines(Path.of(o.get("tokens-file"))).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
        return DEMO_TOKENS;
    }

    static Map<String, String> options(String[] args) {
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
    static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
