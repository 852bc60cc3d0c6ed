package org.gateboard;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar holds production code: the load tools the benchmark scripts run, and the test support that
 * drives production internals, are compiled from the test sources, so none of them is among the classes the
 * jar is packed from (Maven's main output).
 */
class ProductionClassesTest {

    /** The load generators, benchmark drivers and the fault campaign (scripts/bench-*.sh, fault-campaign.sh). */
    static final List<String> LOAD_TOOLS = List.of("LoadTool", "LoadBenchmark", "RawHttp", "BatchTemplate",
            "FaultCampaign", "RefusalBenchmark", "PushSessionsLoad", "DashboardSessionsLoad",
            "LiveDashboardBenchmark");

    /**
     * What tests use to reach into the running application: stopping and replicating the embedded database, the
     * fault campaign's ledger of verdict ids, reading back what a table or a push sent the browser.
     */
    static final List<String> TEST_SUPPORT = List.of("EmbeddedDatabase", "EmbeddedReplica", "CampaignLedger",
            "GbTables", "LivePushes");

    @Test
    void theLoadToolsAreTestClassesNotProductionClasses() throws Exception {
        Set<String> production = simpleNames(outputOf(Application.class));
        Set<String> test = simpleNames(outputOf(ProductionClassesTest.class));
        assertThat(production).as("production classes (the scan reads them)").contains("Application");
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(LOAD_TOOLS.stream().filter(production::contains).toList())
                    .as("load tools among the production classes").isEmpty();
            soft.assertThat(production.stream().filter(n -> n.endsWith("Benchmark") || n.endsWith("Load")).toList())
                    .as("production classes named like load tools").isEmpty();
            soft.assertThat(LOAD_TOOLS.stream().filter(t -> !test.contains(t)).toList())
                    .as("load tools not built from the test sources").isEmpty();
        });
    }

    @Test
    void theTestSupportIsMadeOfTestClasses() throws Exception {
        Set<String> production = simpleNames(outputOf(Application.class));
        Set<String> test = simpleNames(outputOf(ProductionClassesTest.class));
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(TEST_SUPPORT.stream().filter(production::contains).toList())
                    .as("test support among the production classes").isEmpty();
            soft.assertThat(TEST_SUPPORT.stream().filter(t -> !test.contains(t)).toList())
                    .as("test support not built from the test sources").isEmpty();
        });
    }

    private static Path outputOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Top-level and nested class names (the part after the last '.' and before any '$'). */
    private static Set<String> simpleNames(Path root) throws IOException {
        assertThat(root).isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return new TreeSet<>(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).split("\\$")[0]).toList());
        }
    }
}
