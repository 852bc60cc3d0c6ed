package org.gateboard.refusal;

import org.gateboard.base.UserFacingException;

/** A disposition that cannot be recorded as given (no comment, an appeal without its reference): 422 on the API. */
public class InvalidReviewException extends UserFacingException {

    public InvalidReviewException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
