package org.gateboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import org.gateboard.base.UserFacingException;

import java.util.function.Consumer;

/** Sets a new password for someone who forgot theirs; like {@link UserDialog}, it shows a refusal and stays open. */
class PasswordDialog extends Dialog {

    final PasswordField password = new PasswordField();
    final Span error = new Span();

    PasswordDialog(String username, Consumer<String> onSave) {
        setHeaderTitle(getTranslation("security.user.dialog.resetPassword", username));
        setWidth("min(28em, 95vw)");
        password.setLabel(getTranslation("security.user.field.newPassword"));
        password.setHelperText(getTranslation("security.user.field.password.help"));
        password.setId("reset-password");
        password.setWidthFull();
        error.setId("reset-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        VerticalLayout body = new VerticalLayout(password, error);
        body.setPadding(false);
        add(body);

        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                onSave.accept(password.getValue());
                close();
            } catch (UserFacingException refused) {
                error.setText(getTranslation(refused.messageKey(), refused.args()));
                error.setVisible(true);
            }
        });
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
