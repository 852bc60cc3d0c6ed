package org.gateboard.simulator;


import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A rendered batch whose verdict ids are replaced by fresh ones for every send: the load generator then
 * spends microseconds per request instead of rendering JSON, and every send is new to the server.
 */
final class BatchTemplate {

    final List<SimulatedVerdict> verdicts;
    private final byte[] body;
    private final int[] idOffsets;

    BatchTemplate(List<SimulatedVerdict> verdicts) {
        this.verdicts = verdicts;
        this.body = VerdictJson.batch(verdicts).getBytes(StandardCharsets.UTF_8);
        byte[] marker = "\"id\":\"".getBytes(StandardCharsets.US_ASCII);
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i + marker.length < body.length; i++) {
            if (matches(body, i, marker)) {
                offsets.add(i + marker.length);
            }
        }
        if (offsets.size() != verdicts.size()) {
            throw new IllegalStateException("Cannot locate the verdict ids in the rendered batch");
        }
        this.idOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    int size() {
        return verdicts.size();
    }

    int bodyLength() {
        return body.length;
    }

    /** The body with fresh ids, written into {@code ids} in order. */
    byte[] freshBody(UUID[] ids) {
        byte[] copy = body.clone();
        for (int i = 0; i < idOffsets.length; i++) {
            UUID id = fastRandomUuid();
            ids[i] = id;
            byte[] text = id.toString().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, copy, idOffsets[i], 36);
        }
        return copy;
    }

    /** A version-4 UUID from a fast, non-cryptographic generator: enough for unique benchmark ids. */
    static UUID fastRandomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static boolean matches(byte[] body, int at, byte[] marker) {
        for (int j = 0; j < marker.length; j++) {
            if (body[at + j] != marker[j]) {
                return false;
            }
        }
        return true;
    }
}
