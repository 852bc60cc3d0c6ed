package org.gateboard.base;

/**
 * The record asked for does not exist (an id from an old page, a typo in a script). The UI shows the
 * translation like any {@link UserFacingException}; the API answers 404 instead of 400.
 */
public class UnknownRecordException extends UserFacingException {

    public UnknownRecordException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
