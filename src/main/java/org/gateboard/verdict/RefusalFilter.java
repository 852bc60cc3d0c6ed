package org.gateboard.verdict;

import java.time.Instant;
import java.util.Set;

/**
 * What a refusal search asks of the verdict log. Every field may be null (or empty): no condition.
 *
 * @param from           scanned at or after (inclusive)
 * @param to             scanned before (exclusive)
 * @param venueIds       only these venues (a manager's scope, or the one venue asked for); null: all venues
 * @param reasons        any of these reasons
 * @param idNumberHash   the keyed hash of a full ID number ({@link RefusalQueries#idNumberHash(String)})
 */
public record RefusalFilter(Instant from, Instant to, Set<Long> venueIds, Long gateId, Set<RefusalReason> reasons,
                            PersonRole personRole, Channel channel, Boolean nonConforming, byte[] idNumberHash) {

    public RefusalFilter {
        venueIds = venueIds == null ? null : Set.copyOf(venueIds);
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
        idNumberHash = idNumberHash == null ? null : idNumberHash.clone();
    }

    public static RefusalFilter all() {
        return new RefusalFilter(null, null, null, null, null, null, null, null, null);
    }

    public RefusalFilter withVenueIds(Set<Long> ids) {
        return new RefusalFilter(from, to, ids, gateId, reasons, personRole, channel, nonConforming, idNumberHash);
    }

    /** A mask of the reasons as stored in {@code reason_bits}: bit n is the reason of ordinal n. */
    public static int bits(Set<RefusalReason> reasons) {
        int bits = 0;
        for (RefusalReason r : reasons) {
            bits |= 1 << r.ordinal();
        }
        return bits;
    }
}
