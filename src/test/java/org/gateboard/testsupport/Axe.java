package org.gateboard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * axe-core (the npm devDependency pinned in package.json) run in a Playwright page. The script comes from
 * {@code node_modules/axe-core}; a checkout where npm has not run yet (Vaadin runs it only when the
 * front-end bundle must be rebuilt) gets that same version installed under {@code target/axe-core}.
 */
public final class Axe {

    /** The impacts a page must not have: axe's two highest. */
    public static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Vaadin's development tools exist only in development mode; the app's own pages are what is checked. */
    private static final String RUN = """
            async () => {
              const results = await axe.run({ exclude: [['vaadin-dev-tools'], ['copilot-main']] },
                  { resultTypes: ['violations'] });
              return JSON.stringify(results.violations);
            }""";

    private static Path script;

    private Axe() {
    }

    /** One rule broken on a page, with the elements that break it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<Node> nodes) {

        boolean blocking() {
            return BLOCKING.contains(impact);
        }
    }

    /** An element that breaks a rule: its selector (through shadow roots), its HTML and axe's advice. */
    public record Node(List<String> target, String html, String summary) {
    }

    /** The page's violations of impact serious or critical. */
    public static List<Violation> blockingViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(script()));
        String text = (String) page.evaluate(RUN);
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(text)) {
                List<Node> nodes = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    List<String> target = new ArrayList<>();
                    n.path("target").forEach(t -> target.add(t.isArray() ? join(t) : t.asText()));
                    nodes.add(new Node(target, n.path("html").asText(), n.path("failureSummary").asText()));
                }
                Violation violation = new Violation(v.path("id").asText(), v.path("impact").asText(),
                        v.path("help").asText(), v.path("helpUrl").asText(), nodes);
                if (violation.blocking()) {
                    violations.add(violation);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    /** The violations as a person reads them: rule, impact, advice, then each element. */
    public static String report(String where, List<Violation> violations) {
        StringBuilder out = new StringBuilder();
        for (Violation v : violations) {
            out.append("\n").append(where).append(": [").append(v.impact()).append("] ").append(v.rule())
                    .append(": ").append(v.help()).append(" (").append(v.helpUrl()).append(")");
            for (Node n : v.nodes()) {
                out.append("\n    at ").append(String.join(" ", n.target()))
                        .append("\n       ").append(abbreviate(n.html()))
                        .append("\n       ").append(n.summary().replace("\n", "\n       "));
            }
        }
        return out.toString();
    }

    private static String join(JsonNode shadowPath) {
        List<String> parts = new ArrayList<>();
        shadowPath.forEach(p -> parts.add(p.asText()));
        return String.join(" >>> ", parts);
    }

    private static String abbreviate(String html) {
        String oneLine = html.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    static synchronized Path script() {
        if (script == null) {
            String pinned = version(Path.of("package.json"), "devDependencies");
            Path npmInstalled = Path.of("node_modules/axe-core");
            script = pinned.equals(version(npmInstalled.resolve("package.json"), null))
                    ? npmInstalled.resolve("axe.min.js") : install(pinned, Path.of("target/axe-core"));
        }
        return script;
    }

    /** The version a package.json gives itself, or (under {@code section}) gives axe-core; empty if none. */
    private static String version(Path packageJson, String section) {
        if (!Files.isRegularFile(packageJson)) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(packageJson.toFile());
            return (section == null ? json.path("version") : json.path(section).path("axe-core")).asText("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path install(String version, Path prefix) {
        if (version.isBlank()) {
            throw new IllegalStateException("package.json has no devDependency axe-core");
        }
        Path file = prefix.resolve("node_modules/axe-core/axe.min.js");
        if (version.equals(version(prefix.resolve("node_modules/axe-core/package.json"), null))) {
            return file;
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "install", "--no-save", "--no-package-lock", "--ignore-scripts",
                    "--no-audit", "--no-fund", "--prefix", prefix.toString(), "axe-core@" + version)
                    .redirectErrorStream(true).start();
        } catch (IOException noNpm) {
            Assumptions.abort("Accessibility check skipped: axe-core is not installed and there is no npm to"
                    + " install it (" + noNpm.getMessage() + ")");
            throw new UncheckedIOException(noNpm);
        }
        try {
            String output = new String(npm.getInputStream().readAllBytes());
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(file)) {
                throw new IllegalStateException("npm could not install axe-core@" + version + ":\n" + output);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
