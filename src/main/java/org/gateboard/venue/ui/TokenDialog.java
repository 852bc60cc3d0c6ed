package org.gateboard.venue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.venue.IssuedToken;

/**
 * Shows a device's bearer token the one time it exists in clear. Only an explicit click closes it, so
 * the admin does not lose the token to a stray click or Esc before copying it to the device.
 */
class TokenDialog extends Dialog {

    final TextField token = new TextField();
    final Button copy = new Button();
    final Button done = new Button();

    TokenDialog(String deviceLabel, IssuedToken issued) {
        setId("token-dialog");
        setHeaderTitle(getTranslation("venue.token.title", deviceLabel));
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setWidth("36em");

        Paragraph warning = new Paragraph(getTranslation("venue.token.warning"));
        warning.setId("token-warning");
        warning.getElement().getThemeList().add("badge error");
        warning.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");

        token.setId("device-token");
        token.setLabel(getTranslation("venue.token.field", issued.deviceId()));
        token.setValue(issued.token());
        token.setReadOnly(true);
        token.setWidthFull();
        // one click selects the whole token, ready for Ctrl+C
        token.addFocusListener(e -> token.getElement().executeJs("this.inputElement.select()"));

        copy.setText(getTranslation("venue.token.copy"));
        copy.setId("token-copy");
        copy.setIcon(VaadinIcon.COPY.create());
        copy.addClickListener(e -> {
            token.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", issued.token());
            Notification.show(getTranslation("venue.token.copied"), 2000, Notification.Position.BOTTOM_START);
        });
        done.setText(getTranslation("venue.token.done"));
        done.setId("token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.addClickListener(e -> close());

        add(warning, token);
        getFooter().add(copy, done);
    }
}
