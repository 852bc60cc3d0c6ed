package org.gateboard.venue.ui;

import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;

/** Creates or edits a gate of a venue; fires events, the view saves. */
class GateForm extends RegistryForm<Gate, GateDraft> {

    final TextField code = textField("venue.gate.code", "gate-code", 32);
    final TextField nameZh = textField("venue.nameZh", "gate-name-zh", 128);
    final TextField nameEn = textField("venue.nameEn", "gate-name-en", 128);

    GateForm() {
        super("gate", GateDraft.class);
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
