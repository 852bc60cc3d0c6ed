package org.gateboard.venue.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;

/**
 * Creates or edits a venue. Validates what it can itself and fires events; the view does the saving,
 * so the form tests without a database.
 */
class VenueForm extends FormLayout {

    final H3 title = new H3();
    final TextField code = new TextField();
    final TextField nameZh = new TextField();
    final TextField nameEn = new TextField();
    final Select<VenueLevel> level = new Select<>();
    final TextField district = new TextField();
    final TextField address = new TextField();
    final Button save = new Button();
    final Button toggleActive = new Button();
    final Button cancel = new Button();

    private final Binder<VenueDraft> binder = new Binder<>(VenueDraft.class);
    private Venue venue;

    VenueForm() {
        setId("venue-form");
        code.setLabel(getTranslation("venue.code"));
        code.setId("venue-code");
        code.setMaxLength(32);
        nameZh.setLabel(getTranslation("venue.nameZh"));
        nameZh.setId("venue-name-zh");
        nameZh.setMaxLength(128);
        nameEn.setLabel(getTranslation("venue.nameEn"));
        nameEn.setId("venue-name-en");
        nameEn.setMaxLength(128);
        level.setLabel(getTranslation("venue.level"));
        level.setId("venue-level");
        level.setItems(VenueLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("venue.level." + l.name()));
        district.setLabel(getTranslation("venue.district"));
        district.setId("venue-district");
        district.setMaxLength(64);
        address.setLabel(getTranslation("venue.address"));
        address.setId("venue-address");
        address.setMaxLength(255);

        binder.forField(code).asRequired(getTranslation("venue.error.code"))
                .withValidator(v -> v.trim().matches("[A-Za-z0-9_-]{2,32}"), getTranslation("venue.error.code"))
                .bind("code");
        binder.forField(nameZh).asRequired(getTranslation("venue.error.nameZh"))
                .withValidator(v -> !v.isBlank() && v.length() <= 128, getTranslation("venue.error.nameZh"))
                .bind("nameZh");
        binder.forField(nameEn).asRequired(getTranslation("venue.error.nameEn"))
                .withValidator(v -> !v.isBlank() && v.length() <= 128, getTranslation("venue.error.nameEn"))
                .bind("nameEn");
        binder.forField(level).asRequired(getTranslation("venue.error.level")).bind("level");
        binder.forField(district).withValidator(v -> v.length() <= 64, getTranslation("venue.error.tooLong"))
                .bind("district");
        binder.forField(address).withValidator(v -> v.length() <= 255, getTranslation("venue.error.tooLong"))
                .bind("address");

        save.setText(getTranslation("common.save"));
        save.setId("venue-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> validateAndSave());
                toggleActive.setId("venue-toggle-active");
        toggleActive.addClickListener(e -> fireEvent(new ActiveEvent(this, venue, !venue.active())));
        cancel.setText(getTranslation("common.cancel"));
        cancel.setId("venue-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> fireEvent(new CloseEvent(this)));

        add(title, code, nameZh, nameEn, level, district, address, new HorizontalLayout(save, toggleActive, cancel));
        setColspan(title, 2);
        setColspan(address, 2);
    }

    /** Fills the form with a venue to edit, or empties it for a new one ({@code null}). */
    void edit(Venue venue) {
        this.venue = venue;
        if (venue == null) {
            title.setText(getTranslation("venue.form.new"));
            binder.readRecord(new VenueDraft("", "", "", null, "", ""));
            toggleActive.setVisible(false);
        } else {
            title.setText(getTranslation("venue.form.edit", venue.code()));
            binder.readRecord(new VenueDraft(venue.code(), venue.nameZh(), venue.nameEn(), venue.level(),
                    nullToEmpty(venue.district()), nullToEmpty(venue.address())));
            toggleActive.setVisible(true);
            toggleActive.setText(getTranslation(venue.active() ? "venue.deactivate" : "venue.activate"));
            if (venue.active()) {
                toggleActive.addThemeVariants(ButtonVariant.LUMO_ERROR);
            } else {
                toggleActive.removeThemeVariants(ButtonVariant.LUMO_ERROR);
            }
        }
    }

    Venue venue() {
        return venue;
    }

    private void validateAndSave() {
        try {
            fireEvent(new SaveEvent(this, venue, binder.writeRecord()));
        } catch (ValidationException e) {
            // the fields show what is wrong
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- events ---------------------------------------------------------------------------------------

    abstract static class VenueFormEvent extends ComponentEvent<VenueForm> {
        private final Venue venue;

        VenueFormEvent(VenueForm source, Venue venue) {
            super(source, false);
            this.venue = venue;
        }

        /** The venue being edited; null for a new one. */
        Venue venue() {
            return venue;
        }
    }

    static final class SaveEvent extends VenueFormEvent {
        private final VenueDraft draft;

        SaveEvent(VenueForm source, Venue venue, VenueDraft draft) {
            super(source, venue);
            this.draft = draft;
        }

        VenueDraft draft() {
            return draft;
        }
    }

    static final class ActiveEvent extends VenueFormEvent {
        private final boolean active;

        ActiveEvent(VenueForm source, Venue venue, boolean active) {
            super(source, venue);
            this.active = active;
        }

        boolean active() {
            return active;
        }
    }

    static final class CloseEvent extends VenueFormEvent {
        CloseEvent(VenueForm source) {
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
