package org.gateboard.base;

/**
 * Bad input or a conflict a person can act on. The message is an i18n key; the UI shows its
 * translation (the global error handler too), the API turns it into problem details.
 */
public class UserFacingException extends RuntimeException {

    private final transient Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }
}
