package org.gateboard.simulator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per device (by its id in the registry): its token, the verdicts it made, those a 200 named. */
final class CampaignLedger implements VerdictLedger {

    final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Set<UUID>> generated = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong acknowledgedCount = new AtomicLong();

    @Override
    public void generated(String device, UUID id) {
        generated.computeIfAbsent(device, d -> ConcurrentHashMap.newKeySet()).add(id);
    }

    @Override
    public void acknowledged(String device, List<UUID> ids) {
        Set<UUID> set = acknowledged.computeIfAbsent(device, d -> ConcurrentHashMap.newKeySet());
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
        return copy(acknowledged);
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
