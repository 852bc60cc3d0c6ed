package org.gateboard.base;

/**
 * The input is well-formed but clashes with what is stored: a taken code, a change made meanwhile by
 * someone else, a transition the record's state forbids. The API answers 409 instead of 400.
 */
public class ConflictException extends UserFacingException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
