package org.gateboard.policy;

import org.gateboard.base.UserFacingException;

/** A policy change that cannot be made as asked (a looser venue value, a time in the past): the API's 422. */
public class PolicyRefused extends UserFacingException {

    public PolicyRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
