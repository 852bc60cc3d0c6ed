package org.gateboard.venue.ui;

import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;

/** Creates or edits a gate of a venue; fires events, the view saves. */
class GateForm extends RegistryForm<Gate, GateDraft> {

    final TextField code = new TextField();
    final TextField nameZh = new TextField();
    final TextField nameEn = new TextField();

    GateForm() {
        super("gate", GateDraft.class);
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

        addFields(code, nameZh, nameEn);
    }

    @Override
    protected boolean isActive(Gate gate) {
        return gate.active();
    }

    @Override
    protected GateDraft emptyDraft() {
        return new GateDraft("", "", "");
    }

    @Override
    protected GateDraft draftOf(Gate gate) {
        return new GateDraft(gate.code(), gate.nameZh(), gate.nameEn());
    }

    @Override
    protected String newTitle() {
        return getTranslation("venue.gate.form.new");
    }

    @Override
    protected String editTitle(Gate gate) {
        return getTranslation("venue.gate.form.edit", gate.code());
    }
}
