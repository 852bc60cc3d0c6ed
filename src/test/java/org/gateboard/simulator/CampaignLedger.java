package org.gateboard.simulator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The campaign's statistics, which also keep per device (by its id in the registry) its token, the verdicts it
 * made and those a 200 named.
 */
final class CampaignLedger extends SimulationStats {

    final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Set<UUID>> generated = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> acknowledgedIds = new ConcurrentHashMap<>();
    private final AtomicLong acknowledgedCount = new AtomicLong();

    @Override
    void made(String device, UUID id) {
        super.made(device, id);
        generated.computeIfAbsent(device, d -> ConcurrentHashMap.newKeySet()).add(id);
    }

    @Override
    void acknowledged(String device, List<UUID> ids) {
        super.acknowledged(device, ids);
        Set<UUID> set = acknowledgedIds.computeIfAbsent(device, d -> ConcurrentHashMap.newKeySet());
        for (UUID id : ids) {
            if (set.add(id)) {
                acknowledgedCount.incrementAndGet();
            }
        }
    }

    long acknowledgedCount() {
        return acknowledgedCount.get();
    }

    /** A copy of what each device has had named by a 200 up to now (every one of them must be stored). */
    Map<String, Set<UUID>> acknowledgedSoFar() {
        return copy(acknowledgedIds);
    }

    Map<String, Set<UUID>> generatedSoFar() {
        return copy(generated);
    }

    private static Map<String, Set<UUID>> copy(Map<String, Set<UUID>> source) {
        Map<String, Set<UUID>> copy = new HashMap<>();
        source.forEach((device, ids) -> copy.put(device, Set.copyOf(ids)));
        return copy;
    }
}
