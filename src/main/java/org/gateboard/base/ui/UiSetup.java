package org.gateboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/**
 * Per-session set-up of the UI: the language (the person's saved choice, or Chinese), an error
 * handler that shows a readable notification instead of a stack trace, and signing out when Vaadin
 * closes an idle session (see {@link WallScreen}).
 */
@Component
class UiSetup implements VaadinServiceInitListener {

    static final String LOCALE_ATTRIBUTE = "gateboard.locale";
    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    private final UserPreferences preferences;

    UiSetup(UserPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(error -> {
            Throwable t = error.getThrowable();
            UI ui = UI.getCurrent();
            if (ui == null) {
                log.error("Error outside a UI", t);
                return;
            }
            String message = messageFor(ui, t);
            Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }));
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(localeFor(e.getUI().getSession())));
        event.getSource().addSessionDestroyListener(e -> signOut(e.getSession()));
    }

    /**
     * Vaadin closes an idle session (closeIdleSessions) but leaves the HTTP session, and with it the Spring
     * Security sign-in, alive: the browser would reload straight back in. Ending the HTTP session too makes
     * the idle timeout a real sign-out.
     */
    static void signOut(VaadinSession session) {
        WrappedSession http = session.getSession();
        if (http == null) {
            return;
        }
        try {
            http.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // the HTTP session ended first (logout or its own timeout) and took the Vaadin session with it
        }
    }

    private Locale localeFor(VaadinSession session) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
            var saved = preferences.preferredLocale(auth.getName());
            if (saved.isPresent()) {
                return MessagesI18NProvider.supported(saved.get());
            }
        }
        Object chosen = session.getAttribute(LOCALE_ATTRIBUTE);
        return chosen instanceof Locale l ? l : MessagesI18NProvider.CHINESE;
    }

    static String messageFor(UI ui, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserFacingException u) {
                return ui.getTranslation(u.messageKey(), u.args());
            }
            if (c instanceof AccessDeniedException) {
                return ui.getTranslation("error.accessDenied");
            }
            if (c instanceof OptimisticLockingFailureException) {
                return ui.getTranslation("error.concurrentChange");
            }
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}", ref, t);
        return ui.getTranslation("error.unexpected", ref);
    }
}
