package org.gateboard.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A gate's recent past, for queue warnings: arrivals over the last 5 minutes in 10-second buckets, and
 * check times over the last 10 minutes in 30-second buckets. Check times are kept as a reservoir sample of
 * at most {@value #RESERVOIR} a bucket: exact at a normal gate's pace, a fair estimate in a burst, and a
 * fixed few kilobytes a gate whatever the load. Bucket times are scan times, so a device's backlog from an
 * hour ago does not look like a crowd now.
 */
final class GateWindow {

    static final long ARRIVAL_BUCKET_MS = 10_000;
    static final int ARRIVAL_BUCKETS = 30;
    static final long CHECK_BUCKET_MS = 30_000;
    static final int CHECK_BUCKETS = 20;
    static final int RESERVOIR = 64;

    private final long[] arrivalBucket = new long[ARRIVAL_BUCKETS];
    private final long[] arrivals = new long[ARRIVAL_BUCKETS];
    private final long[] checkBucket = new long[CHECK_BUCKETS];
    private final long[] checksSeen = new long[CHECK_BUCKETS];
    private final int[] sampleSize = new int[CHECK_BUCKETS];
    private final float[][] samples = new float[CHECK_BUCKETS][];

    GateWindow() {
        Arrays.fill(arrivalBucket, Long.MIN_VALUE);
        Arrays.fill(checkBucket, Long.MIN_VALUE);
    }

    /** The median check time and how many timed checks it is taken over (0 and null when none). */
    record Median(Double seconds, long checks) {
    }

    synchronized void arrival(long scannedMs, long nowMs, long n) {
        long now = Math.floorDiv(nowMs, ARRIVAL_BUCKET_MS);
        long b = Math.min(Math.floorDiv(scannedMs, ARRIVAL_BUCKET_MS), now);
        if (b <= now - ARRIVAL_BUCKETS) {
            return;
        }
        int slot = (int) Math.floorMod(b, ARRIVAL_BUCKETS);
        if (arrivalBucket[slot] != b) {
            if (arrivalBucket[slot] > b) {
                return;
            }
            arrivalBucket[slot] = b;
            arrivals[slot] = 0;
        }
        arrivals[slot] += n;
    }

    synchronized void check(long scannedMs, long nowMs, double seconds) {
        long now = Math.floorDiv(nowMs, CHECK_BUCKET_MS);
        long b = Math.min(Math.floorDiv(scannedMs, CHECK_BUCKET_MS), now);
        if (b <= now - CHECK_BUCKETS) {
            return;
        }
        int slot = (int) Math.floorMod(b, CHECK_BUCKETS);
        if (checkBucket[slot] != b) {
            if (checkBucket[slot] > b) {
                return;
            }
            checkBucket[slot] = b;
            checksSeen[slot] = 0;
            sampleSize[slot] = 0;
        }
        if (samples[slot] == null) {
            samples[slot] = new float[RESERVOIR];
        }
        long seen = ++checksSeen[slot];
        if (sampleSize[slot] < RESERVOIR) {
            samples[slot][sampleSize[slot]++] = (float) seconds;
        } else {
            long j = ThreadLocalRandom.current().nextLong(seen);
            if (j < RESERVOIR) {
                samples[slot][(int) j] = (float) seconds;
            }
        }
    }

    /** Verdicts scanned in the last 5 minutes. */
    synchronized long arrivals(long nowMs) {
        long now = Math.floorDiv(nowMs, ARRIVAL_BUCKET_MS);
        long sum = 0;
        for (int i = 0; i < ARRIVAL_BUCKETS; i++) {
            if (arrivalBucket[i] > now - ARRIVAL_BUCKETS && arrivalBucket[i] <= now) {
                sum += arrivals[i];
            }
        }
        return sum;
    }

    synchronized Median medianCheck(long nowMs) {
        long now = Math.floorDiv(nowMs, CHECK_BUCKET_MS);
        List<float[]> weighted = new ArrayList<>();
        long checks = 0;
        boolean sampled = false;
        for (int i = 0; i < CHECK_BUCKETS; i++) {
            if (checkBucket[i] > now - CHECK_BUCKETS && checkBucket[i] <= now && sampleSize[i] > 0) {
                checks += checksSeen[i];
                sampled |= checksSeen[i] > sampleSize[i];
                float weight = (float) checksSeen[i] / sampleSize[i];
                for (int k = 0; k < sampleSize[i]; k++) {
                    weighted.add(new float[]{samples[i][k], weight});
                }
            }
        }
        if (weighted.isEmpty()) {
            return new Median(null, 0);
        }
        weighted.sort((a, b) -> Float.compare(a[0], b[0]));
        int size = weighted.size();
        if (!sampled) {
            double median = size % 2 == 1 ? weighted.get(size / 2)[0]
                    : (weighted.get(size / 2 - 1)[0] + weighted.get(size / 2)[0]) / 2.0;
            return new Median(round(median), checks);
        }
        double half = checks / 2.0;
        double cumulative = 0;
        for (float[] w : weighted) {
            cumulative += w[1];
            if (cumulative >= half) {
                return new Median(round(w[0]), checks);
            }
        }
        return new Median(round(weighted.get(size - 1)[0]), checks);
    }

    /** Samples are floats; a tenth of a millisecond is all a check time needs. */
    private static double round(double seconds) {
        return Math.round(seconds * 10_000) / 10_000.0;
    }
}
