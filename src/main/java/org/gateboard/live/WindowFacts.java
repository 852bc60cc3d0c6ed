package org.gateboard.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a node's own verdicts added to its gates' windows since it last told the other nodes: arrivals summed
 * per gate and {@link GateWindow#ARRIVAL_BUCKET_MS} bucket, and at most {@link GateWindow#RESERVOIR} check
 * times per gate (a gate's reservoir takes no more in one bucket anyway). Not thread-safe: filled and drained
 * under {@link LiveCounters}' lock.
 */
final class WindowFacts {

    /**
     * One gate's facts, as sent.
     *
     * @param arrivalBuckets bucket starts (epoch ms), with {@code arrivals} as counts
     * @param checkAt        scan times (epoch ms), with {@code checkSeconds} as check times
     */
    record Gate(long gate, long[] arrivalBuckets, long[] arrivals, long[] checkAt, double[] checkSeconds) {
    }

    private static final class Pending {
        final TreeMap<Long, long[]> arrivals = new TreeMap<>();
        final List<double[]> checks = new ArrayList<>();
    }

    private final Map<Long, Pending> gates = new HashMap<>();

    void add(long gateId, long scannedMs, Double checkSeconds) {
        Pending p = gates.computeIfAbsent(gateId, id -> new Pending());
        long bucket = scannedMs - Math.floorMod(scannedMs, GateWindow.ARRIVAL_BUCKET_MS);
        p.arrivals.computeIfAbsent(bucket, b -> new long[1])[0]++;
        if (checkSeconds != null && p.checks.size() < GateWindow.RESERVOIR) {
            p.checks.add(new double[]{scannedMs, checkSeconds});
        }
    }

    List<Gate> drain() {
        List<Gate> out = new ArrayList<>(gates.size());
        gates.forEach((id, p) -> {
            long[] buckets = new long[p.arrivals.size()];
            long[] counts = new long[buckets.length];
            int i = 0;
            for (Map.Entry<Long, long[]> e : p.arrivals.entrySet()) {
                buckets[i] = e.getKey();
                counts[i++] = e.getValue()[0];
            }
            long[] at = new long[p.checks.size()];
            double[] seconds = new double[at.length];
            for (int k = 0; k < at.length; k++) {
                at[k] = (long) p.checks.get(k)[0];
                seconds[k] = p.checks.get(k)[1];
            }
            out.add(new Gate(id, buckets, counts, at, seconds));
        });
        gates.clear();
        return out;
    }

    /** Adds another node's facts to a gate's window. */
    static void apply(Gate facts, GateWindow window, long nowMs) {
        for (int i = 0; i < facts.arrivalBuckets().length; i++) {
            window.arrival(facts.arrivalBuckets()[i], nowMs, facts.arrivals()[i]);
        }
        for (int i = 0; i < facts.checkAt().length; i++) {
            window.check(facts.checkAt()[i], nowMs, facts.checkSeconds()[i]);
        }
    }
}
