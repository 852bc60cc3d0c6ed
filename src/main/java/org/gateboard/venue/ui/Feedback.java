package org.gateboard.venue.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.gateboard.base.UserFacingException;

import java.util.function.Supplier;

/**
 * Runs a registry change and tells the admin how it went. A refusal by the service (a taken code, a
 * change made meanwhile) is shown where the admin is working, leaving the form open to correct it.
 */
final class Feedback {

    private Feedback() {
    }

    /** The change's result, or null when the service refused it (the reason is shown). */
    static <T> T attempt(Supplier<T> change) {
        try {
            return change.get();
        } catch (UserFacingException e) {
            Notification n = Notification.show(UI.getCurrent().getTranslation(e.messageKey(), e.args()), 6000,
                    Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        }
    }

    static void success(String messageKey, Object... args) {
        Notification n = Notification.show(UI.getCurrent().getTranslation(messageKey, args), 3000,
                Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
