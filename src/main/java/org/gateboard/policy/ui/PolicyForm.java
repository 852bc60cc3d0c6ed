package org.gateboard.policy.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import org.gateboard.policy.PolicyDraft;
import org.gateboard.policy.PolicyParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The parameters of one layer, when they take effect and why. It shows at each field what is wrong before
 * anything is sent, and fires events; the view publishes or replays, so the form holds no service.
 */
class PolicyForm extends FormLayout {

    /** When the change takes effect (null: now) and why. */
    static final class Timing {
        LocalDateTime effectiveFrom;
        String reason = "";
    }

    final H3 title = new H3();
    final BigDecimalField threshold = new BigDecimalField();
    final CheckboxGroup<String> colors = new CheckboxGroup<>();
    final Checkbox idCheck = new Checkbox();
    final Checkbox mask = new Checkbox();
    final DateTimePicker effectiveFrom = new DateTimePicker();
    final TextArea reason = new TextArea();
    final DatePicker day = new DatePicker();
    final Button whatIf = new Button();
    final Button publish = new Button();
    /** Why the service refused the change, in the reader's language. */
    final Span error = new Span();

    /** The parameters, checked with the record's own constraints, which its constructor holds to as well. */
    private final BeanValidationBinder<PolicyParameters> parameters =
            new BeanValidationBinder<>(PolicyParameters.class);
    /**
     * The time and the reason, checked as {@code PolicyEditor.submit} checks them: rules of the editor (a time in
     * the past by its clock; both answered on the API as 422s), not constraints of a record.
     */
    private final Binder<Timing> timing = new Binder<>(Timing.class);
    private final ZoneId zone;

    PolicyForm(String idPrefix, ZoneId zone) {
        this.zone = zone;
        setId(idPrefix + "-form");
        threshold.setLabel(getTranslation("policy.feverThreshold"));
        threshold.setId(idPrefix + "-threshold");
        colors.setLabel(getTranslation("policy.admittedColors"));
        colors.setId(idPrefix + "-colors");
        colors.setItems(PolicyParameters.COLORS);
        colors.setItemLabelGenerator(c -> getTranslation("verdict.color." + c));
        idCheck.setLabel(getTranslation("policy.photolessRequiresIdCheck"));
        idCheck.setId(idPrefix + "-idcheck");
        mask.setLabel(getTranslation("policy.maskRequired"));
        mask.setId(idPrefix + "-mask");
        effectiveFrom.setLabel(getTranslation("policy.effectiveFrom"));
        effectiveFrom.setHelperText(getTranslation("policy.form.nowWhenEmpty"));
        effectiveFrom.setId(idPrefix + "-from");
        reason.setLabel(getTranslation("policy.reason"));
        reason.setId(idPrefix + "-reason");
        reason.setMaxLength(PolicyDraft.MAX_REASON);
        day.setLabel(getTranslation("policy.whatIf.day"));
        day.setId(idPrefix + "-day");
        whatIf.setText(getTranslation("policy.whatIf.run"));
        whatIf.setId(idPrefix + "-whatif");
        publish.setText(getTranslation("policy.form.publish"));
        publish.setId(idPrefix + "-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        error.setId(idPrefix + "-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        parameters.forField(threshold).bind("feverThresholdC");
        parameters.forField(colors).bind("admittedColors");
        parameters.forField(idCheck).bind("photolessRequiresIdCheck");
        parameters.forField(mask).bind("maskRequired");
        timing.forField(effectiveFrom)
                .withValidator(t -> t == null || !t.atZone(zone).toInstant().isBefore(Instant.now()
                        .minus(PolicyDraft.PAST_GRACE)), getTranslation("policy.error.past"))
                .bind(t -> t.effectiveFrom, (t, v) -> t.effectiveFrom = v);
        timing.forField(reason)
                .withValidator(r -> r != null && !r.isBlank() && r.strip().length() <= PolicyDraft.MAX_REASON,
                        getTranslation("policy.error.reason", PolicyDraft.MAX_REASON))
                .bind(t -> t.reason, (t, v) -> t.reason = v);

        publish.addClickListener(e -> publishIfValid());
        // a what-if needs valid parameters only: a time and a reason come when publishing
        whatIf.addClickListener(e -> validParameters().ifPresent(p -> fireEvent(new WhatIfEvent(this, p,
                day.getValue()))));
        add(title, threshold, colors, idCheck, mask, effectiveFrom, reason, day,
                new HorizontalLayout(whatIf, publish), error);
        setColspan(title, 2);
        setColspan(reason, 2);
        setColspan(error, 2);
    }

    /** Starts from these parameters (the layer's values now) with no time and no reason. */
    void edit(String titleText, PolicyParameters from, LocalDate replayDay) {
        title.setText(titleText);
        parameters.readRecord(from);
        timing.readBean(new Timing());
        day.setValue(replayDay);
        day.setMax(replayDay.plusDays(1));
        error.setText("");
    }

    /** Checks every field, so that each shows what is wrong with it, and publishes only when none is. */
    private void publishIfValid() {
        Optional<PolicyParameters> checked = validParameters();
        Timing when = new Timing();
        if (timing.writeBeanIfValid(when) && checked.isPresent()) {
            error.setText("");
            fireEvent(new PublishEvent(this, checked.get(), when));
        }
    }

    private Optional<PolicyParameters> validParameters() {
        try {
            return Optional.of(parameters.writeRecord());
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    ZoneId zone() {
        return zone;
    }

    static final class PublishEvent extends ComponentEvent<PolicyForm> {
        final PolicyParameters parameters;
        final Timing timing;

        PublishEvent(PolicyForm source, PolicyParameters parameters, Timing timing) {
            super(source, false);
            this.parameters = parameters;
            this.timing = timing;
        }
    }

    static final class WhatIfEvent extends ComponentEvent<PolicyForm> {
        final PolicyParameters parameters;
        final LocalDate day;

        WhatIfEvent(PolicyForm source, PolicyParameters parameters, LocalDate day) {
            super(source, false);
            this.parameters = parameters;
            this.day = day;
        }
    }

    Registration onPublish(ComponentEventListener<PublishEvent> listener) {
        return addListener(PublishEvent.class, listener);
    }

    Registration onWhatIf(ComponentEventListener<WhatIfEvent> listener) {
        return addListener(WhatIfEvent.class, listener);
    }
}
