package org.gateboard.live.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A view's subscription to the live counts: held while the view is attached and shows something that
 * still changes (today), dropped on detach or for a past day, so no listener outlives its view.
 */
final class LiveSubscription {

    private final BooleanSupplier wanted;
    private final Function<UI, Registration> subscribe;
    private Registration registration;

    /**
     * @param wanted    whether the view shows live figures now (e.g. today is selected)
     * @param subscribe subscribes, delivering updates to the view through {@code UI.access}
     */
    LiveSubscription(Component view, BooleanSupplier wanted, Function<UI, Registration> subscribe) {
        this.wanted = wanted;
        this.subscribe = subscribe;
        view.addAttachListener(e -> follow(e.getUI()));
        view.addDetachListener(e -> drop());
    }

    /** Subscribes if the view wants live figures and is not subscribed yet; drops the subscription if not. */
    void follow(UI ui) {
        if (!wanted.getAsBoolean()) {
            drop();
        } else if (registration == null) {
            registration = subscribe.apply(ui);
        }
    }

    /** As {@link #follow}, but anew: for when what the view shows (another venue) has changed. */
    void renew(UI ui) {
        drop();
        follow(ui);
    }

    void drop() {
        if (registration != null) {
            registration.remove();
            registration = null;
        }
    }
}
