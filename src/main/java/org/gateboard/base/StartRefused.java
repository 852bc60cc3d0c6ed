package org.gateboard.base;

/**
 * Start-up stops here rather than run unsafely; the failure analyzer prints the message and what to do as
 * Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace.
 */
public class StartRefused extends IllegalStateException {

    private final String action;

    public StartRefused(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
