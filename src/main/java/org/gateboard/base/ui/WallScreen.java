package org.gateboard.base.ui;

import com.vaadin.flow.component.Component;

import java.time.Duration;

/**
 * Sessions end after {@code server.servlet.session.timeout} (30 minutes) without anyone using the UI:
 * {@code vaadin.closeIdleSessions=true}, so Vaadin's heartbeat, which only tells the server that the tab is
 * still open, does not keep a forgotten desk session signed in. A wall screen has nobody clicking it,
 * though, and must not sign itself out: the live views call {@link #keepSignedIn} when the signed-in account
 * is a wall-screen account (a flag only an admin sets, never on an admin account), and while such a view is
 * shown it polls the server often enough to count as use. Leaving the view (or closing the tab) brings the
 * idle timeout back; every other session keeps it. Disabling the account ends the session at once all the same.
 */
public final class WallScreen {

    /** Well inside the 30-minute idle timeout, and rare enough to cost nothing. */
    static final Duration POLL = Duration.ofMinutes(5);

    private WallScreen() {
    }

    public static void keepSignedIn(Component view) {
        view.addAttachListener(e -> e.getUI().setPollInterval((int) POLL.toMillis()));
        view.addDetachListener(e -> e.getUI().setPollInterval(-1));
    }
}
