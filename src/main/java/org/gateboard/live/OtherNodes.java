package org.gateboard.live;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Today's counts of the other nodes of a cluster, as each last told them over the live bus ({@link LiveBus}):
 * every node sends its own counts of the venues that changed a few times a second and all of them every
 * {@link LiveSettings#busHeartbeat()}, so what is here is whole again one heartbeat after a lost message. A
 * node not heard for {@link LiveSettings#nodeSilentAfter()} is forgotten, and its counts are then read from
 * the database like those of any node that stopped. Empty on a single node.
 */
@Component
class OtherNodes {

    private record Heard(long atNanos, LocalDate date, Map<Long, DayCounts> venues) {
    }

    private final Map<Long, Heard> nodes = new ConcurrentHashMap<>();

    /**
     * What a node said of its counts on {@code date}: all its venues ({@code complete}) or those that changed.
     * Answers the venues whose figures this changes.
     */
    Set<Long> heard(long node, LocalDate date, boolean complete, Map<Long, DayCounts> venues) {
        Set<Long> changed = new HashSet<>();
        nodes.compute(node, (id, before) -> {
            boolean sameDay = before != null && before.date().equals(date);
            Map<Long, DayCounts> now = complete || !sameDay ? new HashMap<>() : new HashMap<>(before.venues());
            now.putAll(venues);
            Map<Long, DayCounts> old = sameDay ? before.venues() : Map.of();
            for (Long venue : union(old.keySet(), now.keySet())) {
                if (!sameTotals(old.get(venue), now.get(venue))) {
                    changed.add(venue);
                }
            }
            return new Heard(System.nanoTime(), date, Map.copyOf(now));
        });
        return changed;
    }

    /** A node said it stops, or was silent too long: answers the venues it had counted. */
    Set<Long> forget(long node) {
        Heard gone = nodes.remove(node);
        return gone == null ? Set.of() : gone.venues().keySet();
    }

    /** The nodes not heard for {@code nanos}. */
    List<Long> silentFor(long nanos) {
        long now = System.nanoTime();
        return nodes.entrySet().stream().filter(e -> now - e.getValue().atNanos() > nanos).map(Map.Entry::getKey)
                .toList();
    }

    /** Whether the node's counts of {@code date} are known here (else they come from the database). */
    boolean knows(long node, LocalDate date) {
        Heard h = nodes.get(node);
        return h != null && h.date().equals(date);
    }

    /** The node's counts of a venue on {@code date} as it last told them, null when none. */
    DayCounts counts(long node, LocalDate date, long venueId) {
        Heard h = nodes.get(node);
        return h == null || !h.date().equals(date) ? null : h.venues().get(venueId);
    }

    Set<Long> nodes() {
        return nodes.keySet();
    }

    private static boolean sameTotals(DayCounts a, DayCounts b) {
        if (a == null || b == null) {
            return a == b;
        }
        DayCounts x = a.copy();
        DayCounts y = b.copy();
        return x.admitted == y.admitted && x.refused == y.refused && x.nonConforming == y.nonConforming;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
