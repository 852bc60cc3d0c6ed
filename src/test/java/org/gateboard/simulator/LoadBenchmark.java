package org.gateboard.simulator;

import org.gateboard.policy.PolicyParameters;
import org.gateboard.verdict.internal.ResidentIds;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingestion benchmark. Against a running Gateboard it measures, with N devices each sending batches:
 * <ol>
 *   <li>an open-loop run at a fixed offered rate (each device sends on a fixed schedule, as gates do):
 *       accepted verdicts/s and the latency p50/p99, measured from the scheduled send time so that a
 *       stalled server cannot hide its queue;</li>
 *   <li>a closed-loop run (each device sends its next batch as soon as the last is answered): the most the
 *       server accepts;</li>
 *   <li>the same rows inserted straight into the same MariaDB with the same multi-row statements and the
 *       same number of connections, one transaction each: the physical limit the server is compared to.</li>
 * </ol>
 */
final class LoadBenchmark {

    record Options(String url, List<String> tokens, int devices, int batch, int seconds, int rate, String jdbcUrl,
                   String jdbcUser, String jdbcPassword, int warmupSeconds, Set<String> runs,
                   int rounds) {
    }

    record RunResult(String name, long requests, long accepted, long failed, double seconds, long[] latenciesMicros) {

        double acceptedPerSecond() {
            return accepted / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, i)] / 1000.0;
        }
    }

    private static final String COLUMNS = "id, venue_id, gate_id, device_id, scanned_at, received_at, outcome,"
            + " reasons, code_color, channel, photo_on_code, id_checked, mask_worn, temperature_c, person_role,"
            + " person_name, id_number_masked, id_number_hash, check_ms, policy_version, non_conforming,"
            + " non_conformance";

    private final Options options;
    private final List<List<BatchTemplate>> templates = new ArrayList<>();
    private final String host;
    private final int port;

    LoadBenchmark(Options options) {
        this.options = options;
        URI uri = URI.create(options.url());
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        Random random = new Random(42);
        Crowd crowd = new Crowd(random, 0.003);
        PolicyParameters baseline = new PolicyParameters(new BigDecimal("37.3"), Set.of("GREEN"), true, true);
        Instant now = Instant.now();
        for (int d = 0; d < options.devices(); d++) {
            List<BatchTemplate> mine = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                List<SimulatedVerdict> verdicts = new ArrayList<>(options.batch());
                for (int i = 0; i < options.batch(); i++) {
                    verdicts.add(crowd.next(now.minusMillis(random.nextInt(60_000)), baseline, 1));
                }
                mine.add(new BatchTemplate(verdicts));
            }
            templates.add(mine);
        }
    }

    void run() throws Exception {
        int bodyBytes = templates.get(0).get(0).bodyLength();
        System.out.printf("Gateboard ingestion benchmark: %d devices, batches of %d (%d bytes), %d s per run, %s%n",
                options.devices(), options.batch(), bodyBytes, options.seconds(), options.url());
        System.out.printf("Load average before: %s%n", loadAverage());
        System.out.printf("Machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        if (options.warmupSeconds() > 0 && !options.runs().equals(Set.of("raw"))) {
            // at the offered rate rather than flat out: the JIT gets its work, the table does not balloon
            System.out.printf("Warm-up: %d s at the offered rate (not counted)...%n", options.warmupSeconds());
            http(options.warmupSeconds(), options.rate() > 0 ? options.rate() : 0);
        }
        System.out.printf("Verdicts in the table before the runs: %s%n", tableRows());
        RunResult open = options.runs().contains("open") ? http(options.seconds(), options.rate()) : null;
        if (open != null) {
            report(open);
        }
        RunResult rawOpen = options.jdbcUrl() == null || !options.runs().contains("raw-open") ? null
                : raw(options.seconds(), options.rate());
        if (rawOpen != null) {
            report(rawOpen);
        }
        // the machine's load drifts (other work shares it): alternate the two maxima in short rounds so that
        // their ratio compares like with like, and report the median of the rounds
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            int slice = Math.max(5, options.seconds() / options.rounds());
            RunResult closed = options.runs().contains("closed") ? http(slice, 0) : null;
            if (closed != null) {
                report(closed);
            }
            RunResult raw = options.jdbcUrl() == null || !options.runs().contains("raw") ? null : raw(slice, 0);
            if (raw != null) {
                report(raw);
            }
            if (raw != null && closed != null) {
                ratios.add(closed.acceptedPerSecond() / raw.acceptedPerSecond());
                System.out.printf("  round %d: server at most / raw inserts = %.0f%%%n", round,
                        100 * ratios.get(ratios.size() - 1));
            }
        }
        if (!ratios.isEmpty()) {
            ratios.sort(null);
            System.out.printf("Ratio, server at most / raw inserts (median of %d rounds): %.0f%%%n", ratios.size(),
                    100 * ratios.get(ratios.size() / 2));
        }
        System.out.printf("Verdicts in the table after the runs: %s%n", tableRows());
        if (open == null) {
            return;
        }
        System.out.printf("Target: >= 10,000 verdicts/s at p99 < 100 ms with batches of 100 from 50 devices: %s%n",
                open.acceptedPerSecond() >= 0.98 * options.rate() && open.percentileMillis(0.99) < 100
                        && options.rate() >= 10_000 ? "met" : "NOT met at this setting");
    }

    private String tableRows() {
        if (options.jdbcUrl() == null) {
            return "unknown";
        }
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM verdict")) {
            return rs.next() ? String.format("%,d", rs.getLong(1)) : "unknown";
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void report(RunResult r) {
        System.out.printf("%-34s %9.0f verdicts/s  %6d requests  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  failed %d"
                        + "  (load %s)%n", r.name(), r.acceptedPerSecond(), r.requests(), r.percentileMillis(0.50),
                r.percentileMillis(0.99), r.percentileMillis(1.0), r.failed(), loadAverage().split(" ")[0]);
    }

    /** Devices over HTTP: on a fixed schedule when {@code rate} > 0, else as fast as answered. */
    private RunResult http(int seconds, int rate) throws InterruptedException {
        int devices = options.devices();
        long intervalNanos = rate > 0 ? (long) (1e9 * devices * options.batch() / rate) : 0;
        AtomicLong accepted = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[devices];
        CountDownLatch done = new CountDownLatch(devices);
        long start = System.nanoTime() + 200_000_000L;
        long end = start + seconds * 1_000_000_000L;
        for (int d = 0; d < devices; d++) {
            long[] mine = new long[rate > 0 ? (int) (seconds * 1e9 / intervalNanos) + 10 : 200_000];
            latencies.add(mine);
            int device = d;
            Thread t = new Thread(() -> {
                String token = options.tokens().get(device % options.tokens().size());
                List<BatchTemplate> pool = templates.get(device);
                UUID[] ids = new UUID[options.batch()];
                try (RawHttp client = new RawHttp(host, port)) {
                    long next = start + (intervalNanos > 0 ? device * intervalNanos / devices : 0);
                    int k = 0;
                    while (true) {
                        long now = System.nanoTime();
                        if (intervalNanos > 0) {
                            if (next >= end) {
                                break;
                            }
                            if (next > now) {
                                Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
                            }
                        } else if (now >= end) {
                            break;
                        } else if (now < start) {
                            Thread.sleep((start - now) / 1_000_000);
                            continue;
                        }
                        long intended = intervalNanos > 0 ? next : System.nanoTime();
                        byte[] body = pool.get(k++ % pool.size()).freshBody(ids);
                        byte[] request = RawHttp.postRequest(host, "/api/v1/verdicts", token, body);
                        try {
                            RawHttp.Answer answer = client.send(request);
                            long micros = (System.nanoTime() - intended) / 1000;
                            if (answer.status() == 200) {
                                accepted.addAndGet(acceptedCount(answer.body()));
                            } else {
                                failed.incrementAndGet();
                            }
                            if (counts[device] < mine.length) {
                                mine[counts[device]++] = micros;
                            }
                        } catch (java.io.IOException e) {
                            failed.incrementAndGet();
                        }
                        requests.incrementAndGet();
                        next += intervalNanos;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "device-" + d);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        long[] all = merge(latencies, counts);
        String name = rate > 0 ? "HTTP, offered " + rate + " verdicts/s" : "HTTP, as fast as answered";
        return new RunResult(name, requests.get(), accepted.get(), failed.get(), elapsed, all);
    }

    private static long[] merge(List<long[]> latencies, int[] counts) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < latencies.size(); i++) {
            System.arraycopy(latencies.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all;
    }

    private static int acceptedCount(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 64), StandardCharsets.US_ASCII);
        int i = text.indexOf("\"accepted\":");
        if (i < 0) {
            return 0;
        }
        int j = i + 11;
        int n = 0;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
            n = n * 10 + (text.charAt(j++) - '0');
        }
        return n;
    }

    /**
     * The same rows with the same statements straight into MariaDB, one connection per device, into the
     * very table the server writes (so with the same size and indexes, which dominate the cost once the
     * table outgrows the buffer pool). These rows carry device, gate and venue 0, which no real device has.
     */
    private RunResult raw(int seconds, int rate) throws Exception {
        long intervalNanos = rate > 0 ? (long) (1e9 * options.devices() * options.batch() / rate) : 0;
        String tuple = "(" + "?,".repeat(21) + "?)";
        StringBuilder sql = new StringBuilder("INSERT INTO verdict (" + COLUMNS + ") VALUES ");
        for (int i = 0; i < options.batch(); i++) {
            sql.append(i == 0 ? "" : ",").append(tuple);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("raw-insert-benchmark".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        AtomicLong rows = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[options.devices()];
        CountDownLatch done = new CountDownLatch(options.devices());
        long start = System.nanoTime() + 500_000_000L;
        long end = start + seconds * 1_000_000_000L;
        for (int d = 0; d < options.devices(); d++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            int device = d;
            Mac deviceMac = (Mac) mac.clone();
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.jdbcUser(),
                        options.jdbcPassword()); PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    List<BatchTemplate> pool = templates.get(device);
                    while (System.nanoTime() < start) {
                        Thread.sleep(1);
                    }
                    int k = 0;
                    long next = start + (intervalNanos > 0 ? device * intervalNanos / options.devices() : 0);
                    while (intervalNanos > 0 ? next < end : System.nanoTime() < end) {
                        if (intervalNanos > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        long began = intervalNanos > 0 ? next : System.nanoTime();
                        next += intervalNanos;
                        BatchTemplate template = pool.get(k++ % pool.size());
                        int p = 1;
                        Timestamp received = Timestamp.from(Instant.now());
                        for (SimulatedVerdict v : template.verdicts) {
                            p = bind(ps, p, v, BatchTemplate.fastRandomUuid(), received, deviceMac);
                        }
                        try {
                            rows.addAndGet(ps.executeUpdate());
                            if (counts[device] < mine.length) {
                                mine[counts[device]++] = (System.nanoTime() - began) / 1000;
                            }
                        } catch (SQLException e) {
                            failed.incrementAndGet();
                        }
                        requests.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.err.println("Raw insert connection failed: " + e);
                } finally {
                    done.countDown();
                }
            }, "raw-" + d);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        return new RunResult(rate > 0 ? "Raw INSERTs, offered " + rate + " rows/s" : "Raw multi-row INSERTs, same rows",
                requests.get(), rows.get(), failed.get(), elapsed,
                merge(latencies, counts));
    }

    private static int bind(PreparedStatement ps, int p, SimulatedVerdict v, UUID id, Timestamp received, Mac mac)
            throws SQLException {
        ps.setBytes(p++, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
        ps.setLong(p++, 0);
        ps.setLong(p++, 0);
        ps.setLong(p++, 0);
        ps.setTimestamp(p++, Timestamp.from(v.scannedAt()));
        ps.setTimestamp(p++, received);
        ps.setString(p++, v.outcome().name());
        StringBuilder reasons = new StringBuilder();
        v.reasons().forEach(r -> reasons.append(reasons.isEmpty() ? "" : ",").append(r.name()));
        ps.setString(p++, reasons.toString());
        ps.setString(p++, v.codeColor() == null ? null : v.codeColor().name());
        ps.setString(p++, v.channel() == null ? null : v.channel().name());
        if (v.photoOnCode() == null) {
            ps.setNull(p++, Types.BOOLEAN);
        } else {
            ps.setBoolean(p++, v.photoOnCode());
        }
        ps.setBoolean(p++, v.idChecked());
        ps.setBoolean(p++, v.maskWorn());
        ps.setBigDecimal(p++, v.temperatureC());
        ps.setString(p++, v.personRole().name());
        ps.setString(p++, v.personName());
        ps.setString(p++, v.idNumber() == null ? null : ResidentIds.mask(v.idNumber()));
        ps.setBytes(p++, v.idNumber() == null ? null : mac.doFinal(v.idNumber().getBytes(StandardCharsets.US_ASCII)));
        ps.setInt(p++, v.checkMillis());
        ps.setInt(p++, v.policyVersion());
        ps.setBoolean(p++, false);
        ps.setString(p++, null);
        return p;
    }
}
