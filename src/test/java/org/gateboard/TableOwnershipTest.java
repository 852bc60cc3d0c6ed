package org.gateboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature owns its tables: only SQL in the owner's package names them; every other feature goes through
 * the owner's public service or its events. The tables are the ones the Flyway migrations create, and each
 * must have an owner below. SQL is read from the string literals of each feature's main sources (adjacent
 * literals joined by {@code +} taken as one), and a table counts as named after {@code FROM}, {@code JOIN},
 * {@code INTO}, {@code UPDATE} or {@code TABLE} (the code writes SQL keywords in capitals).
 */
class TableOwnershipTest {

    /** Table → the feature package that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("venue", "venue"), Map.entry("gate", "venue"), Map.entry("device", "venue"),
            Map.entry("app_user", "security"), Map.entry("app_user_venue", "security"),
            Map.entry("login_failure", "security"), Map.entry("stats_token", "security"),
            Map.entry("audit_entry", "audit"), Map.entry("audit_head", "audit"),
            Map.entry("verdict", "verdict"), Map.entry("verdict_tally", "verdict"),
            Map.entry("verdict_id_clash", "verdict"), Map.entry("device_contact", "verdict"),
            Map.entry("policy_version", "policy"), Map.entry("policy_change", "policy"),
            Map.entry("policy_version_counter", "policy"),
            Map.entry("refusal_review", "refusal"), Map.entry("refusal_review_state", "refusal"),
            Map.entry("refusal_look", "refusal"), Map.entry("retention_run", "refusal"),
            Map.entry("poster_channel", "poster"), Map.entry("poster_template", "poster"),
            Map.entry("venue_poster", "poster"), Map.entry("poster_version", "poster"),
            Map.entry("poster_print", "poster"), Map.entry("poster_print_item", "poster"),
            // ShedLock's lock rows, written by the library that base.db.JobLocks configures
            Map.entry("shedlock", "base"));

    private static final Path SOURCES = Path.of("src/main/java/org/gateboard");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?");
    private static final Pattern NAMED_TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+`?([\\w.]+)`?");

    @Test
    void everyTableTheMigrationsCreateHasOneOwningFeature() throws IOException {
        Set<String> created = createdTables();
        assertThat(created).as("tables created by the migrations").isNotEmpty();
        assertThat(new TreeSet<>(created)).as("tables without an owner in OWNERS (add them)")
                .isSubsetOf(OWNERS.keySet());
        assertThat(new TreeSet<>(OWNERS.keySet())).as("OWNERS names tables no migration creates")
                .isSubsetOf(created);
        assertThat(new TreeSet<>(OWNERS.values())).as("owners that are not feature packages")
                .isSubsetOf(features());
    }

    @Test
    void sqlInAFeatureNamesOnlyTheFeaturesOwnTables() throws IOException {
        Map<String, Set<String>> foreign = new TreeMap<>();
        int named = 0;
        for (String feature : features()) {
            for (Path file : javaFiles(SOURCES.resolve(feature))) {
                for (String sql : stringLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
                    for (String table : tablesNamedIn(sql)) {
                        named++;
                        String owner = OWNERS.get(table);
                        if (owner != null && !owner.equals(feature)) {
                            foreign.computeIfAbsent(SOURCES.relativize(file) + " (" + feature + ")",
                                    f -> new TreeSet<>()).add(table + " (owned by " + owner + ")");
                        }
                    }
                }
            }
        }
        assertThat(named).as("tables named in SQL of the main sources (the scan finds SQL at all)")
                .isGreaterThan(50);
        assertThat(foreign).as("SQL naming another feature's tables: use that feature's service or events")
                .isEmpty();
    }

    @Test
    void theScanSeesTablesInJoinedLiteralsAndNotInQuotedValues() {
        List<String> literals = stringLiterals("""
                String a = "SELECT d.id FROM device d" + " JOIN gate g ON g.id = d.gate_id"; // FROM verdict
                String b = "UPDATE audit_entry SET kind = 'FROM venue' WHERE x = \\"y\\"";
                /* "INSERT INTO policy_change" */
                String c = \"""
                        DELETE FROM refusal_look
                        \""";
                """);
        assertThat(literals.stream().flatMap(s -> tablesNamedIn(s).stream()).toList())
                .containsExactly("device", "gate", "audit_entry", "refusal_look");
    }

    private static Set<String> createdTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    private static Set<String> features() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return new TreeSet<>(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList());
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The tables an SQL text names, quoted values left out. */
    static Set<String> tablesNamedIn(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher m = NAMED_TABLE.matcher(sql.replaceAll("'[^']*'", "''"));
        while (m.find()) {
            tables.add(m.group(1).toLowerCase());
        }
        return tables;
    }

    /**
     * The string literals and text blocks of a Java source, comments and character literals skipped; literals
     * joined only by {@code +} (and blanks or comments) come back as one.
     */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = null;
        boolean joinNext = false;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) < 0 ? n : source.indexOf("*/", i + 2) + 2;
            } else if (c == '\'') {
                i = endOfQuoted(source, i, "'");
            } else if (c == '"') {
                String quote = source.startsWith("\"\"\"", i) ? "\"\"\"" : "\"";
                int end = endOfQuoted(source, i, quote);
                String text = source.substring(i + quote.length(), end - quote.length());
                if (joinNext && current != null) {
                    current.append(text);
                } else {
                    current = new StringBuilder(text);
                    literals.add(null);
                }
                literals.set(literals.size() - 1, current.toString());
                joinNext = false;
                i = end;
            } else if (c == '+' && current != null) {
                joinNext = true;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                current = null;
                joinNext = false;
                i++;
            }
        }
        return literals;
    }

    /** The index just after the closing {@code quote} of the literal opening at {@code start}. */
    private static int endOfQuoted(String source, int start, String quote) {
        int i = start + quote.length();
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return source.length();
    }
}
