package org.gateboard.refusal;

/**
 * A disposition to record. The comment is required; an appeal needs its reference; its outcome may follow in
 * a later review.
 */
public record ReviewRequest(Disposition disposition, String comment, String appealReference, String appealOutcome) {
}
