package org.gateboard.refusal;

/** A refusal's current disposition, or none yet: what the search filters on. */
public enum ReviewStatus {
    UNREVIEWED, UPHELD, OVERTURNED, APPEALED;

    Disposition disposition() {
        return this == UNREVIEWED ? null : Disposition.valueOf(name());
    }
}
