package org.gateboard.base;

/**
 * The request is well-formed and names records that exist, but a rule refuses what it asks: a venue value
 * looser than the baseline, a time in the past, a disposition without its comment. The UI shows the
 * translation like any {@link UserFacingException}; the API answers 422 instead of 400.
 */
public class RuleViolationException extends UserFacingException {

    public RuleViolationException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
