package org.gateboard.live;

import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.gateboard.verdict.VerdictTally;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One venue's counts for one day: filled live from events, or from the verdict feature's tallies.
 * Guarded by its own monitor; readers take a {@link #copy()}.
 */
final class DayCounts {

    static final RefusalReason[] REASONS = RefusalReason.values();
    static final PersonRole[] ROLES = PersonRole.values();
    /** 24 hours, one spare for the long day of a daylight-saving change (Shanghai has none). */
    static final int HOURS = 25;

    long admitted;
    long refused;
    long nonConforming;
    final long[] refusedByReason = new long[REASONS.length];
    final long[] admittedByRole = new long[ROLES.length];
    final long[] refusedByRole = new long[ROLES.length];
    final long[] hourAdmitted = new long[HOURS];
    final long[] hourRefused = new long[HOURS];
    /** gate id to {admitted, refused}. */
    final Map<Long, long[]> gates = new HashMap<>();
    final Map<Long, Long> nonConformingByDevice = new HashMap<>();

    synchronized void add(Outcome outcome, Collection<RefusalReason> reasons, PersonRole role, long gateId,
                          long deviceId, boolean nonConform, int hour, long n) {
        long[] gate = gates.computeIfAbsent(gateId, id -> new long[2]);
        int h = Math.max(0, Math.min(HOURS - 1, hour));
        if (outcome == Outcome.ADMITTED) {
            admitted += n;
            gate[0] += n;
            hourAdmitted[h] += n;
            if (role != null) {
                admittedByRole[role.ordinal()] += n;
            }
        } else {
            refused += n;
            gate[1] += n;
            hourRefused[h] += n;
            if (role != null) {
                refusedByRole[role.ordinal()] += n;
            }
            for (RefusalReason reason : reasons) {
                refusedByReason[reason.ordinal()] += n;
            }
        }
        if (nonConform) {
            nonConforming += n;
            nonConformingByDevice.merge(deviceId, n, Long::sum);
        }
    }

    /** Adds a tally of the verdict feature; {@code hour} counted from the day's start. */
    synchronized void add(VerdictTally t, int hour) {
        long n = t.count();
        switch (t.counted()) {
            case ADMITTED, REFUSED -> {
                boolean admittedOnes = t.counted() == VerdictTally.Counted.ADMITTED;
                long[] gate = gates.computeIfAbsent(t.gateId(), id -> new long[2]);
                int h = Math.max(0, Math.min(HOURS - 1, hour));
                if (admittedOnes) {
                    admitted += n;
                    gate[0] += n;
                    hourAdmitted[h] += n;
                    admittedByRole[t.role().ordinal()] += n;
                } else {
                    refused += n;
                    gate[1] += n;
                    hourRefused[h] += n;
                    refusedByRole[t.role().ordinal()] += n;
                }
            }
            case REFUSAL_REASON -> t.reason().ifPresent(r -> refusedByReason[r.ordinal()] += n);
            case NON_CONFORMING -> {
                nonConforming += n;
                nonConformingByDevice.merge(t.deviceId(), n, Long::sum);
            }
        }
    }

    synchronized DayCounts copy() {
        DayCounts c = new DayCounts();
        c.admitted = admitted;
        c.refused = refused;
        c.nonConforming = nonConforming;
        System.arraycopy(refusedByReason, 0, c.refusedByReason, 0, refusedByReason.length);
        System.arraycopy(admittedByRole, 0, c.admittedByRole, 0, admittedByRole.length);
        System.arraycopy(refusedByRole, 0, c.refusedByRole, 0, refusedByRole.length);
        System.arraycopy(hourAdmitted, 0, c.hourAdmitted, 0, HOURS);
        System.arraycopy(hourRefused, 0, c.hourRefused, 0, HOURS);
        gates.forEach((id, g) -> c.gates.put(id, g.clone()));
        c.nonConformingByDevice.putAll(nonConformingByDevice);
        return c;
    }

    /** Adds another's counts to these (the other is read under its own monitor). */
    void addAll(DayCounts other) {
        DayCounts o = other.copy();
        synchronized (this) {
            admitted += o.admitted;
            refused += o.refused;
            nonConforming += o.nonConforming;
            sum(refusedByReason, o.refusedByReason);
            sum(admittedByRole, o.admittedByRole);
            sum(refusedByRole, o.refusedByRole);
            sum(hourAdmitted, o.hourAdmitted);
            sum(hourRefused, o.hourRefused);
            o.gates.forEach((id, g) -> {
                long[] mine = gates.computeIfAbsent(id, k -> new long[2]);
                mine[0] += g[0];
                mine[1] += g[1];
            });
            o.nonConformingByDevice.forEach((id, n) -> nonConformingByDevice.merge(id, n, Long::sum));
        }
    }

    private static void sum(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    long[] gate(long gateId) {
        return gates.getOrDefault(gateId, new long[2]);
    }
}
