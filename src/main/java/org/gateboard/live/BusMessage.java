package org.gateboard.live;

import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node tells the others over the live bus ({@link LiveBus}), as JSON.
 *
 * @param node     the sender ({@code ThisNode})
 * @param date     the day the counts are of (venue time)
 * @param complete the sender's counts of every venue it counted (a heartbeat), else only those that changed
 * @param stopping the sender stops: the others read its counts from the database from now on
 * @param venues   the sender's own counts, whole, per venue id
 * @param gates    what the sender's verdicts added to its gates' windows since its last message
 * @param registryChanges how many registry changes (venues, gates, devices) the sender committed since it
 *                 started: when it grows, the others read the registry again
 */
record BusMessage(long node, LocalDate date, boolean complete, boolean stopping, Map<Long, Counts> venues,
                  List<WindowFacts.Gate> gates, long registryChanges) {

    /**
     * One venue's counts, with reasons and roles by name rather than by position.
     *
     * @param gates gate id to {admitted, refused}
     */
    record Counts(long admitted, long refused, long nonConforming, Map<RefusalReason, Long> refusedByReason,
                  Map<PersonRole, Long> admittedByRole, Map<PersonRole, Long> refusedByRole, long[] hourAdmitted,
                  long[] hourRefused, Map<Long, long[]> gates, Map<Long, Long> nonConformingByDevice) {

        static Counts of(DayCounts mine) {
            DayCounts c = mine.copy();
            return new Counts(c.admitted, c.refused, c.nonConforming, byName(RefusalReason.class, c.refusedByReason),
                    byName(PersonRole.class, c.admittedByRole), byName(PersonRole.class, c.refusedByRole),
                    c.hourAdmitted, c.hourRefused, c.gates, c.nonConformingByDevice);
        }

        DayCounts toDayCounts() {
            DayCounts c = new DayCounts();
            c.admitted = admitted;
            c.refused = refused;
            c.nonConforming = nonConforming;
            copy(refusedByReason, c.refusedByReason);
            copy(admittedByRole, c.admittedByRole);
            copy(refusedByRole, c.refusedByRole);
            System.arraycopy(hourAdmitted, 0, c.hourAdmitted, 0, Math.min(hourAdmitted.length, DayCounts.HOURS));
            System.arraycopy(hourRefused, 0, c.hourRefused, 0, Math.min(hourRefused.length, DayCounts.HOURS));
            gates.forEach((id, g) -> c.gates.put(id, new long[]{g[0], g[1]}));
            c.nonConformingByDevice.putAll(nonConformingByDevice);
            return c;
        }

        private static <E extends Enum<E>> Map<E, Long> byName(Class<E> type, long[] counts) {
            Map<E, Long> out = new EnumMap<>(type);
            for (E e : type.getEnumConstants()) {
                if (counts[e.ordinal()] != 0) {
                    out.put(e, counts[e.ordinal()]);
                }
            }
            return out;
        }

        private static <E extends Enum<E>> void copy(Map<E, Long> from, long[] into) {
            if (from != null) {
                from.forEach((e, n) -> {
                    if (e != null) {
                        into[e.ordinal()] = n;
                    }
                });
            }
        }
    }

    static Map<Long, Counts> of(Map<Long, DayCounts> venues) {
        Map<Long, Counts> out = new HashMap<>();
        venues.forEach((id, c) -> out.put(id, Counts.of(c)));
        return out;
    }

    Map<Long, DayCounts> dayCounts() {
        Map<Long, DayCounts> out = new HashMap<>();
        if (venues != null) {
            venues.forEach((id, c) -> out.put(id, c.toDayCounts()));
        }
        return out;
    }
}
