package org.gateboard.refusal.load;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusal review benchmark (scripts/bench-refusals.sh), not part of the build's tests.
 * <ul>
 *   <li>{@code generate JDBC_URL ROWS SECRET}: a month of verdicts through INSERT ... SELECT from MariaDB's
 *       sequence engine, a million rows per statement: venues and gates from the registry, morning peaks,
 *       PEOPLE repeat visitors (their ID hash keyed with SECRET, as the server computes it), 12 % refused.</li>
 *   <li>{@code sql JDBC_URL SECRET}: the same searches' statements timed over JDBC, without the app.</li>
 *   <li>{@code probe BASE_URL JDBC_URL}: page p95 over HTTP for the common searches, the count for a day,
 *       and export rows/s.</li>
 * </ul>
 */
public final class RefusalBenchmark {

    static final int PEOPLE = 200_000;
    static final int DAYS = 30;
    static final LocalDate FIRST_DAY = LocalDate.of(2020, 3, 1);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String CREDENTIALS = "official:" + System.getenv().getOrDefault("BENCH_OFFICIAL_PASSWORD", "official123");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generate")) {
            generate(args[1], Long.parseLong(args[2]), args[3]);
        } else if (args[0].equals("sql")) {
            sql(args[1], args[2]);
        } else {
            probe(args[1], args[2]);
        }
    }

    /** A valid resident ID number for person p (region, birth date and sequence from p). */
    static String idNumber(int p) {
        String first17 = String.format("310101%04d%02d%02d%03d", 1950 + p % 50, 1 + (p / 50) % 12, 1 + (p / 600) % 28,
                (p / 16_800) % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static void generate(String jdbcUrl, long rows, String secret) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "")) {
            Statement s = c.createStatement();
            s.execute("SET time_zone = '+00:00'");
            s.execute("CREATE OR REPLACE TABLE bench_person (p INT PRIMARY KEY, name VARCHAR(16), masked VARCHAR(18),"
                    + " hash BINARY(32))");
            // the server's keyed hash (verdict.internal.ResidentIds): HMAC-SHA256 of the upper-case number
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String[] surnames = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄"};
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_person VALUES (?,?,?,?)")) {
                for (int p = 0; p < PEOPLE; p++) {
                    String id = idNumber(p);
                    ps.setInt(1, p);
                    ps.setString(2, surnames[p % surnames.length] + "某" + (p % 10));
                    ps.setString(3, id.substring(0, 3) + "*".repeat(11) + id.substring(14));
                    ps.setBytes(4, mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
                    ps.addBatch();
                    if (p % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("CREATE OR REPLACE TABLE bench_device AS SELECT ROW_NUMBER() OVER (ORDER BY d.id) - 1 AS i, d.id,"
                    + " d.gate_id, g.venue_id FROM device d JOIN gate g ON g.id = d.gate_id");
            int devices;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bench_device")) {
                rs.next();
                devices = rs.getInt(1);
            }
            long perDay = rows / DAYS;
            long start = FIRST_DAY.atStartOfDay(SHANGHAI).toEpochSecond();
            long chunk = 1_000_000;
            for (long from = 0; from < rows; from += chunk) {
                long to = Math.min(rows, from + chunk) - 1;
                long t0 = System.nanoTime();
                // n: the verdict's number; its day grows with n, its time of day bunches up before 09:30
                s.execute("INSERT INTO verdict (id, venue_id, gate_id, device_id, scanned_at, received_at, outcome,"
                        + " reasons, code_color, channel, photo_on_code, id_checked, mask_worn, temperature_c,"
                        + " person_role, person_name, id_number_masked, id_number_hash, check_ms, policy_version,"
                        + " non_conforming, non_conformance)"
                        + " SELECT UNHEX(MD5(CONCAT('bench', v.n))), d.venue_id, d.gate_id, d.id, v.at,"
                        + " v.at + INTERVAL 1 SECOND, IF(v.r < 120, 'REFUSED', 'ADMITTED'), v.reasons,"
                        + " CASE v.reasons WHEN 'CODE_RED' THEN 'RED' WHEN 'CODE_YELLOW' THEN 'YELLOW'"
                        + "   WHEN 'NO_CODE' THEN NULL ELSE 'GREEN' END,"
                        + " ELT(1 + v.n % 4, 'APP', 'ALIPAY', 'WECHAT', 'HEALTH_CLOUD'), v.reasons <> 'PHOTOLESS_WITHOUT_ID',"
                        + " FALSE, v.reasons <> 'NO_MASK', IF(v.reasons = 'FEVER', 37.3 + (v.n % 12) / 10,"
                        + "   36.0 + (v.n % 12) / 10),"
                        + " ELT(1 + v.n % 7, 'BIDDER', 'BIDDER', 'AGENT', 'TENDERER', 'EXPERT', 'SUPERVISOR', 'STAFF'),"
                        + " p.name, p.masked, p.hash, 1500 + v.n % 3000, 1, v.n % 997 = 0,"
                        + " IF(v.n % 997 = 0, 'UNSUPPORTED_FEVER', NULL)"
                        + " FROM (SELECT seq AS n, (seq * 37) % 1000 AS r,"
                        + "   IF((seq * 37) % 1000 < 120, ELT(1 + (seq * 101) % 8, 'CODE_YELLOW', 'CODE_YELLOW',"
                        + "     'CODE_RED', 'NO_CODE', 'PHOTOLESS_WITHOUT_ID', 'NO_MASK', 'NO_MASK', 'FEVER'), '') AS reasons,"
                        + "   FROM_UNIXTIME(" + start + " + (seq DIV " + perDay + ") * 86400 + 27000"
                        + "     + POW(((seq * 7919) % 10007) / 10007, 2) * 36000 + (seq % 1000) / 1000) AS at"
                        + "   FROM seq_" + from + "_to_" + to + ") v"
                        + " JOIN bench_device d ON d.i = v.n % " + devices
                        + " JOIN bench_person p ON p.p = (v.n * 2654435761) % " + PEOPLE);
                System.out.printf("rows %,d..%,d in %.1f s%n", from, to, (System.nanoTime() - t0) / 1e9);
            }
            s.execute("ANALYZE TABLE verdict");
        }
    }

    static void probe(String baseUrl, String jdbcUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String venue;
        long gate;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT v.code FROM venue v JOIN verdict x"
                     + " ON x.venue_id = v.id WHERE x.seq = 1")) {
            rs.next();
            venue = rs.getString(1);
        }
        report("a day city-wide", http, baseUrl, d -> "{\"from\":\"" + day(d) + "\",\"to\":\"" + day(d + 1) + "\"}");
        report("one venue, one week, one reason", http, baseUrl, d -> "{\"venueCode\":\"" + venue + "\",\"from\":\""
                + day(d % 23) + "\",\"to\":\"" + day(d % 23 + 7) + "\",\"reasons\":[\"FEVER\"]}");
        report("unreviewed only", http, baseUrl, d -> "{\"reviewStatus\":\"UNREVIEWED\",\"to\":\"" + day(d + 1) + "\"}");
        report("one ID number across the month", http, baseUrl, d -> "{\"idNumber\":\"" + idNumber(d * 7919 % PEOPLE)
                + "\",\"from\":\"" + day(0) + "\",\"to\":\"" + day(DAYS) + "\"}");
        // the count for a day: the statement RefusalQueries.count runs for a day city-wide
        List<Double> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM verdict WHERE outcome = 'REFUSED'"
                     + " AND scanned_at >= ? AND scanned_at < ?")) {
            for (int d = 0; d < 20; d++) {
                ps.setString(1, day(d).replace("T", " ").replace("Z", ""));
                ps.setString(2, day(d + 1).replace("T", " ").replace("Z", ""));
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                counts.add((System.nanoTime() - t0) / 1e6);
            }
        }
        System.out.printf("count for a day: median %.0f ms, p95 %.0f ms%n", pct(counts, 0.5), pct(counts, 0.95));
        // one export of each of the month's four weeks to warm up (JIT, buffer pool), then five timed: the median counts
        List<Double> rates = new ArrayList<>();
        for (int w = 0; w < 9; w++) {
            long t0 = System.nanoTime();
            HttpResponse<java.io.InputStream> r = http.send(post(baseUrl + "/api/v1/refusals/export",
                    "{\"from\":\"" + day(7 * (w % 4)) + "\",\"to\":\"" + day(7 * (w % 4) + 7) + "\"}"),
                    HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            byte[] buf = new byte[1 << 16];
            try (var in = r.body()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("export of a week city-wide%s: %,d rows in %.1f s = %,.0f rows/s (HTTP %d)%n",
                    w < 4 ? " (warm-up)" : "", lines - 1, s, (lines - 1) / s, r.statusCode());
            if (w >= 4) {
                rates.add((lines - 1) / s);
            }
        }
        System.out.printf("export: median %,.0f rows/s of five%n", pct(rates, 0.5));
    }

    /**
     * Without the app: the statements RefusalQueries sends for the first and a deep page of the common
     * searches (limit 50, plus one to know whether more follow), timed over JDBC.
     */
    static void sql(String jdbcUrl, String secret) throws Exception {
        String cols = "SELECT seq, id, scanned_at, received_at, venue_id, gate_id, device_id, outcome, reasons,"
                + " code_color, channel, photo_on_code, id_checked, mask_worn, temperature_c, person_role, person_name,"
                + " id_number_masked, check_ms, policy_version, non_conforming, non_conformance FROM verdict WHERE ";
        String page = " ORDER BY scanned_at DESC, seq DESC LIMIT 51";
        String keyset = " AND (scanned_at < ? OR (scanned_at = ? AND seq < ?))";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "")) {
            c.createStatement().execute("SET time_zone = '+00:00'");
            long venue;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT venue_id FROM verdict WHERE seq = 1")) {
                rs.next();
                venue = rs.getLong(1);
            }
            time(c, "a day city-wide", cols + "outcome = 'REFUSED' AND scanned_at >= ? AND scanned_at < ?", page, keyset,
                    d -> new Object[]{ts(d), ts(d + 1)});
            time(c, "one venue, one week, one reason", cols + "outcome = 'REFUSED' AND scanned_at >= ? AND scanned_at < ?"
                    + " AND venue_id IN (?) AND (reason_bits & ?) <> 0", page, keyset,
                    d -> new Object[]{ts(d % 23), ts(d % 23 + 7), venue, 32});
            time(c, "unreviewed only (city-wide, verdict side)", cols + "outcome = 'REFUSED' AND scanned_at < ?", page,
                    keyset, d -> new Object[]{ts(d + 1)});
            time(c, "one ID number across the month", cols + "outcome = 'REFUSED' AND scanned_at >= ? AND scanned_at < ?"
                    + " AND id_number_hash = ?", page, keyset, d -> new Object[]{ts(0), ts(DAYS),
                    mac.doFinal(idNumber(d * 7919 % PEOPLE).getBytes(StandardCharsets.US_ASCII))});
            List<Double> counts = new ArrayList<>();
            for (int d = 0; d < 20; d++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM verdict WHERE outcome = 'REFUSED'"
                        + " AND scanned_at >= ? AND scanned_at < ?")) {
                    ps.setObject(1, ts(d % DAYS));
                    ps.setObject(2, ts(d % DAYS + 1));
                    long t0 = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                    counts.add((System.nanoTime() - t0) / 1e6);
                }
            }
            System.out.printf("count for a day: median %.1f ms, p95 %.1f ms%n", pct(counts, 0.5), pct(counts, 0.95));
            try (PreparedStatement ps = c.prepareStatement(cols + "outcome = 'REFUSED' AND scanned_at >= ?"
                    + " AND scanned_at < ? ORDER BY scanned_at DESC, seq DESC")) {
                ps.setFetchSize(2000);
                ps.setObject(1, ts(0));
                ps.setObject(2, ts(7));
                long t0 = System.nanoTime();
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(9);
                        n++;
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("streamed read of a week city-wide: %,d rows in %.1f s = %,.0f rows/s%n", n, s, n / s);
            }
        }
    }

    private static java.sql.Timestamp ts(int d) {
        return java.sql.Timestamp.valueOf(FIRST_DAY.plusDays(d).atStartOfDay(SHANGHAI)
                .withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());
    }

    private static void time(Connection c, String name, String where, String page, String keyset,
                             IntFunction<Object[]> args) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> deep = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            Object[] a = args.apply(d % (DAYS - 1));
            Object[] last = null;
            for (int p = 0; p < 10; p++) {
                String sql = where + (last == null ? "" : keyset) + page;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    for (Object o : a) {
                        ps.setObject(i++, o);
                    }
                    if (last != null) {
                        ps.setObject(i++, last[0]);
                        ps.setObject(i++, last[0]);
                        ps.setObject(i, last[1]);
                    }
                    long t0 = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            last = new Object[]{rs.getTimestamp(3), rs.getLong(1)};
                        }
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    (p == 0 ? first : deep).add(ms);
                }
                if (last == null) {
                    break;
                }
            }
        }
        System.out.printf("%s: first page median %.1f ms, p95 %.1f ms; next pages median %.1f ms, p95 %.1f ms (%d)%n",
                name, pct(first, 0.5), pct(first, 0.95), pct(deep, 0.5), pct(deep, 0.95), deep.size());
    }

    private static void report(String name, HttpClient http, String baseUrl, IntFunction<String> body) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> next = new ArrayList<>();
        Pattern cursor = Pattern.compile("\"next\":\"([^\"]+)\"");
        for (int d = 0; d < 20; d++) {
            String b = body.apply(d % (DAYS - 1));
            long t0 = System.nanoTime();
            String page = http.send(post(baseUrl + "/api/v1/refusals/search", b.replace("}", ",\"limit\":50}")),
                    HttpResponse.BodyHandlers.ofString()).body();
            first.add((System.nanoTime() - t0) / 1e6);
            Matcher m = cursor.matcher(page);
            if (m.find()) {
                t0 = System.nanoTime();
                http.send(post(baseUrl + "/api/v1/refusals/search", b.replace("}", ",\"limit\":50,\"after\":\""
                        + m.group(1) + "\"}")), HttpResponse.BodyHandlers.ofString());
                next.add((System.nanoTime() - t0) / 1e6);
            } else if (!page.contains("\"items\"")) {
                throw new IllegalStateException(name + ": " + page);
            }
        }
        System.out.printf("%s: first page median %.0f ms, p95 %.0f ms; next page median %.0f ms, p95 %.0f ms (%d)%n",
                name, pct(first, 0.5), pct(first, 0.95), pct(next, 0.5), pct(next, 0.95), next.size());
    }

    private static String day(int d) {
        return FIRST_DAY.plusDays(d).atStartOfDay(SHANGHAI).toInstant().toString();
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        CREDENTIALS.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
