package org.gateboard.refusal;

/** An official's judgement of a refusal. */
public enum Disposition {
    /** The gate was right. */
    UPHELD,
    /** The gate was wrong. */
    OVERTURNED,
    /** The person appealed to the code issuer (我要申诉); the appeal reference and, later, its outcome go with it. */
    APPEALED
}
