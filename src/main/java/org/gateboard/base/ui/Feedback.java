package org.gateboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.gateboard.base.UserFacingException;

import java.util.function.Supplier;

/**
 * Runs a change a form asked for and tells the person how it went. A refusal by the service (a taken code, a
 * change made meanwhile, a rule broken) is shown where they are working, leaving the form open to correct it.
 */
public final class Feedback {

    private Feedback() {
    }

    /** The change's result, or null when the service refused it (the reason is shown). */
    public static <T> T attempt(Supplier<T> change) {
        try {
            return change.get();
        } catch (UserFacingException e) {
            Notification n = Notification.show(UI.getCurrent().getTranslation(e.messageKey(), e.args()), 6000,
                    Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        }
    }

    public static void success(String messageKey, Object... args) {
        Notification n = Notification.show(UI.getCurrent().getTranslation(messageKey, args), 3000,
                Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
