package org.gateboard.venue.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;

/**
 * A form that creates or edits one registry record ({@code T}, entered as the draft {@code D}). Its fields
 * are bound by name to the draft's components and show the draft's own constraints (Bean Validation, the
 * same the service checks) as they are filled in; it fires events and the view does the saving, so forms test
 * without a database. Subclasses add their fields and say how a record becomes a draft.
 */
abstract class RegistryForm<T, D extends Record> extends FormLayout {

    final H3 title = new H3();
    final Button save = new Button();
    final Button toggleActive = new Button();
    final Button cancel = new Button();

    protected final BeanValidationBinder<D> binder;
    private T item;

    RegistryForm(String idPrefix, Class<D> draftType) {
        binder = new BeanValidationBinder<>(draftType);
        setId(idPrefix + "-form");
        save.setText(getTranslation("common.save"));
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> validateAndSave());
        toggleActive.setId(idPrefix + "-toggle-active");
        toggleActive.addClickListener(e -> fireEvent(new ActiveEvent<>(this, item, !isActive(item))));
        cancel.setText(getTranslation("common.cancel"));
        cancel.setId(idPrefix + "-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> fireEvent(new CloseEvent<>(this)));
    }

    /** A text field with its translated label, element id and length limit. */
    protected TextField textField(String labelKey, String id, int maxLength) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(maxLength);
        return field;
    }

    /** Binds the subclass's fields to the draft's components of the same names, and lays them out with the buttons. */
    protected void addFields(Component... fields) {
        binder.bindInstanceFields(this);
        add(title);
        add(fields);
        add(new HorizontalLayout(save, toggleActive, cancel));
        setColspan(title, 2);
    }

    protected abstract boolean isActive(T item);

    protected abstract D emptyDraft();

    protected abstract D draftOf(T item);

    protected abstract String newTitle();

    protected abstract String editTitle(T item);

    /** Fills the form with a record to edit, or empties it for a new one ({@code null}). */
    void edit(T item) {
        this.item = item;
        if (item == null) {
            title.setText(newTitle());
            binder.readRecord(emptyDraft());
            toggleActive.setVisible(false);
            return;
        }
        title.setText(editTitle(item));
        binder.readRecord(draftOf(item));
        toggleActive.setVisible(true);
        boolean active = isActive(item);
        toggleActive.setText(getTranslation(active ? "venue.deactivate" : "venue.activate"));
        if (active) {
            toggleActive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        } else {
            toggleActive.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        }
    }

    T item() {
        return item;
    }

    private void validateAndSave() {
        try {
            fireEvent(new SaveEvent<>(this, item, binder.writeRecord()));
        } catch (ValidationException e) {
            // the fields show what is wrong
        }
    }

    // ---- events ---------------------------------------------------------------------------------------

    abstract static class FormEvent<T> extends ComponentEvent<RegistryForm<T, ?>> {
        private final T item;

        FormEvent(RegistryForm<T, ?> source, T item) {
            super(source, false);
            this.item = item;
        }

        /** The record being edited; null for a new one. */
        T item() {
            return item;
        }
    }

    static final class SaveEvent<T, D> extends FormEvent<T> {
        private final D draft;

        SaveEvent(RegistryForm<T, ?> source, T item, D draft) {
            super(source, item);
            this.draft = draft;
        }

        D draft() {
            return draft;
        }
    }

    static final class ActiveEvent<T> extends FormEvent<T> {
        private final boolean active;

        ActiveEvent(RegistryForm<T, ?> source, T item, boolean active) {
            super(source, item);
            this.active = active;
        }

        boolean active() {
            return active;
        }
    }

    static final class CloseEvent<T> extends FormEvent<T> {
        CloseEvent(RegistryForm<T, ?> source) {
            super(source, null);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Registration addSaveListener(ComponentEventListener<SaveEvent<T, D>> listener) {
        return addListener((Class) SaveEvent.class, (ComponentEventListener) listener);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Registration addActiveListener(ComponentEventListener<ActiveEvent<T>> listener) {
        return addListener((Class) ActiveEvent.class, (ComponentEventListener) listener);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Registration addCloseListener(ComponentEventListener<CloseEvent<T>> listener) {
        return addListener((Class) CloseEvent.class, (ComponentEventListener) listener);
    }
}
