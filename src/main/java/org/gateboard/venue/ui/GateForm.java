package org.gateboard.venue.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;

/** Creates or edits a gate of a venue; fires events, the view saves. */
class GateForm extends FormLayout {

    final H3 title = new H3();
    final TextField code = new TextField();
    final TextField nameZh = new TextField();
    final TextField nameEn = new TextField();
    final Button save = new Button();
    final Button toggleActive = new Button();
    final Button cancel = new Button();

    private final Binder<GateDraft> binder = new Binder<>(GateDraft.class);
    private Gate gate;

    GateForm() {
        setId("gate-form");
        code.setLabel(getTranslation("venue.gate.code"));
        code.setId("gate-code");
        code.setMaxLength(32);
        nameZh.setLabel(getTranslation("venue.nameZh"));
        nameZh.setId("gate-name-zh");
        nameZh.setMaxLength(128);
        nameEn.setLabel(getTranslation("venue.nameEn"));
        nameEn.setId("gate-name-en");
        nameEn.setMaxLength(128);

        binder.forField(code).asRequired(getTranslation("venue.gate.error.code"))
                .withValidator(v -> v.trim().matches("[A-Za-z0-9_-]{1,32}"), getTranslation("venue.gate.error.code"))
                .bind("code");
        binder.forField(nameZh).asRequired(getTranslation("venue.gate.error.name"))
                .withValidator(v -> !v.isBlank() && v.length() <= 128, getTranslation("venue.gate.error.name"))
                .bind("nameZh");
        binder.forField(nameEn).asRequired(getTranslation("venue.gate.error.name"))
                .withValidator(v -> !v.isBlank() && v.length() <= 128, getTranslation("venue.gate.error.name"))
                .bind("nameEn");

        save.setText(getTranslation("common.save"));
        save.setId("gate-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> validateAndSave());
        toggleActive.setId("gate-toggle-active");
        toggleActive.addClickListener(e -> fireEvent(new ActiveEvent(this, gate, !gate.active())));
        cancel.setText(getTranslation("common.cancel"));
        cancel.setId("gate-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> fireEvent(new CloseEvent(this)));

        add(title, code, nameZh, nameEn, new HorizontalLayout(save, toggleActive, cancel));
        setColspan(title, 2);
    }

    /** Fills the form with a gate to edit, or empties it for a new one ({@code null}). */
    void edit(Gate gate) {
        this.gate = gate;
        if (gate == null) {
            title.setText(getTranslation("venue.gate.form.new"));
            binder.readRecord(new GateDraft("", "", ""));
            toggleActive.setVisible(false);
        } else {
            title.setText(getTranslation("venue.gate.form.edit", gate.code()));
            binder.readRecord(new GateDraft(gate.code(), gate.nameZh(), gate.nameEn()));
            toggleActive.setVisible(true);
            toggleActive.setText(getTranslation(gate.active() ? "venue.deactivate" : "venue.activate"));
            if (gate.active()) {
                toggleActive.addThemeVariants(ButtonVariant.LUMO_ERROR);
            } else {
                toggleActive.removeThemeVariants(ButtonVariant.LUMO_ERROR);
            }
        }
    }

    private void validateAndSave() {
        try {
            fireEvent(new SaveEvent(this, gate, binder.writeRecord()));
        } catch (ValidationException e) {
            // the fields show what is wrong
        }
    }

    // ---- events ---------------------------------------------------------------------------------------

    abstract static class GateFormEvent extends ComponentEvent<GateForm> {
        private final Gate gate;

        GateFormEvent(GateForm source, Gate gate) {
            super(source, false);
            this.gate = gate;
        }

        /** The gate being edited; null for a new one. */
        Gate gate() {
            return gate;
        }
    }

    static final class SaveEvent extends GateFormEvent {
        private final GateDraft draft;

        SaveEvent(GateForm source, Gate gate, GateDraft draft) {
            super(source, gate);
            this.draft = draft;
        }

        GateDraft draft() {
            return draft;
        }
    }

    static final class ActiveEvent extends GateFormEvent {
        private final boolean active;

        ActiveEvent(GateForm source, Gate gate, boolean active) {
            super(source, gate);
            this.active = active;
        }

        boolean active() {
            return active;
        }
    }

    static final class CloseEvent extends GateFormEvent {
        CloseEvent(GateForm source) {
            super(source, null);
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addActiveListener(ComponentEventListener<ActiveEvent> listener) {
        return addListener(ActiveEvent.class, listener);
    }

    Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
        return addListener(CloseEvent.class, listener);
    }
}
