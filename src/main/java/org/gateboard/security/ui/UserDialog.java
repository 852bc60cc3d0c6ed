package org.gateboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.Role;
import org.gateboard.security.UserAccount;
import org.gateboard.venue.Venue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates or edits an account. The dialog only collects the input and hands it to {@code onSave}; when that
 * refuses it ({@link UserFacingException}), the reason is shown in the dialog, which stays open.
 */
class UserDialog extends Dialog {

    /** What the admin entered; {@code password} is null when editing. */
    record Input(String username, String displayName, Role role, Set<Long> venueIds, String password,
                 boolean wallScreen) {
    }

    @FunctionalInterface
    interface SaveHandler {
        void save(Input input);
    }

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final Select<Role> role = new Select<>();
    final MultiSelectComboBox<Venue> venues = new MultiSelectComboBox<>();
    final PasswordField password = new PasswordField();
    final Checkbox wallScreen = new Checkbox();
    final Span error = new Span();

    /** @param existing the account to edit, or null for a new one */
    UserDialog(List<Venue> allVenues, UserAccount existing, SaveHandler onSave) {
        boolean creating = existing == null;
        setHeaderTitle(creating ? getTranslation("security.user.dialog.new")
                : getTranslation("security.user.dialog.edit", existing.username()));
        setWidth("min(36em, 95vw)");

        username.setLabel(getTranslation("security.user.field.username"));
        username.setId("user-username");
        username.setRequiredIndicatorVisible(true);
        username.setReadOnly(!creating);
        displayName.setLabel(getTranslation("security.user.field.displayName"));
        displayName.setId("user-display-name");
        displayName.setRequiredIndicatorVisible(true);
        displayName.setMaxLength(128);

        role.setLabel(getTranslation("security.user.field.role"));
        role.setId("user-role");
        role.setItems(Role.PEOPLE);
        role.setItemLabelGenerator(r -> getTranslation("security.role." + r.name()));
        role.setRequiredIndicatorVisible(true);

        venues.setLabel(getTranslation("security.user.field.venues"));
        venues.setId("user-venues");
        venues.setItems(allVenues);
        venues.setItemLabelGenerator(v -> v.code() + " " + v.name(getLocale()));
        venues.setRequiredIndicatorVisible(true);

        password.setLabel(getTranslation("security.user.field.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("security.user.field.password.help"));
        password.setRequiredIndicatorVisible(true);
        password.setVisible(creating);

        wallScreen.setLabel(getTranslation("security.users.wallScreen"));
        wallScreen.setHelperText(getTranslation("security.users.wallScreen.help"));
        wallScreen.setId("user-wall-screen");

        role.addValueChangeListener(e -> showRoleDependentFields());
        if (creating) {
            role.setValue(Role.MANAGER);
        } else {
            username.setValue(existing.username());
            displayName.setValue(existing.displayName());
            role.setValue(existing.role());
            wallScreen.setValue(existing.wallScreen());
            venues.setValue(allVenues.stream().filter(v -> existing.venueIds().contains(v.id()))
                    .collect(Collectors.toSet()));
        }
        showRoleDependentFields();

        error.setId("user-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        FormLayout form = new FormLayout(username, displayName, role, venues, wallScreen, password, error);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                onSave.save(new Input(username.getValue(), displayName.getValue(), role.getValue(),
                        role.getValue() == Role.MANAGER ? venueIds() : Set.of(),
                        creating ? password.getValue() : null,
                        role.getValue() != Role.ADMIN && wallScreen.getValue()));
                close();
            } catch (UserFacingException refused) {
                error.setText(getTranslation(refused.messageKey(), refused.args()));
                error.setVisible(true);
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("user-cancel");
        getFooter().add(cancel, save);
    }

    private void showRoleDependentFields() {
        Role chosen = role.getValue();
        venues.setVisible(chosen == Role.MANAGER);
        // admins never get a session that outlives its idle timeout
        wallScreen.setVisible(chosen != null && chosen != Role.ADMIN && !password.isVisible());
        role.setHelperText(chosen == null ? null : getTranslation("security.role." + chosen.name() + ".help"));
    }

    private Set<Long> venueIds() {
        return venues.getValue().stream().map(Venue::id).collect(Collectors.toCollection(HashSet::new));
    }
}
