package org.gateboard.refusal;

import org.gateboard.verdict.Channel;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;

import java.time.Instant;
import java.util.Set;

/**
 * A search as a person or script asks it. Every field may be null: no condition. The ID number is the full
 * number as typed; it is hashed at once and never stored, logged or shown ({@link #toString()} leaves it out).
 *
 * @param to exclusive
 */
public record RefusalSearch(Instant from, Instant to, String venueCode, Long gateId, Set<RefusalReason> reasons,
                            PersonRole personRole, Channel channel, Boolean nonConforming,
                            ReviewStatus reviewStatus, String idNumber) {

    public RefusalSearch {
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
        venueCode = venueCode == null || venueCode.isBlank() ? null : venueCode.trim();
        idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber;
    }

    public static RefusalSearch everything() {
        return new RefusalSearch(null, null, null, null, null, null, null, null, null, null);
    }

    public RefusalSearch withReviewStatus(ReviewStatus status) {
        return new RefusalSearch(from, to, venueCode, gateId, reasons, personRole, channel, nonConforming, status,
                idNumber);
    }

    /** The search as written into the audit trail: the conditions, with only whether an ID number was given. */
    public String describe() {
        return "from=" + from + ", to=" + to + ", venueCode=" + venueCode + ", gateId=" + gateId + ", reasons="
                + reasons + ", personRole=" + personRole + ", channel=" + channel + ", nonConforming="
                + nonConforming + ", reviewStatus=" + reviewStatus + ", idNumber=" + (idNumber == null ? "-" : "given");
    }

    @Override
    public String toString() {
        return "RefusalSearch[" + describe() + "]";
    }
}
