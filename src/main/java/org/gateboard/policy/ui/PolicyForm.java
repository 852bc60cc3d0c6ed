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
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import org.gateboard.policy.PolicyDraft;
import org.gateboard.policy.PolicyParameters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The parameters of one layer, when they take effect and why. It validates what it can itself and fires
 * events; the view publishes or replays, so the form holds no service.
 */
class PolicyForm extends FormLayout {

    /** What the form edits: the fields as entered. */
    static final class Entry {
        BigDecimal threshold;
        Set<String> colors = new LinkedHashSet<>(Set.of("GREEN"));
        boolean idCheck = true;
        boolean mask = true;
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

    private final Binder<Entry> binder = new Binder<>(Entry.class);
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

        binder.forField(threshold)
                .asRequired(getTranslation("policy.validation.threshold"))
                .withValidator(t -> t.compareTo(new BigDecimal("35.0")) >= 0 && t.compareTo(new BigDecimal("40.0")) <= 0
                        && t.stripTrailingZeros().scale() <= 1, getTranslation("policy.validation.threshold"))
                .bind(e -> e.threshold, (e, v) -> e.threshold = v);
        binder.forField(colors)
                .withValidator(c -> c != null && c.contains("GREEN"), getTranslation("policy.validation.green"))
                .bind(e -> e.colors, (e, v) -> e.colors = new LinkedHashSet<>(v));
        binder.forField(idCheck).bind(e -> e.idCheck, (e, v) -> e.idCheck = v);
        binder.forField(mask).bind(e -> e.mask, (e, v) -> e.mask = v);
        binder.forField(effectiveFrom)
                .withValidator(t -> t == null || !t.atZone(zone).toInstant().isBefore(java.time.Instant.now()
                        .minus(PolicyDraft.PAST_GRACE)), getTranslation("policy.error.past"))
                .bind(e -> e.effectiveFrom, (e, v) -> e.effectiveFrom = v);
        binder.forField(reason)
                .withValidator(r -> r != null && !r.isBlank() && r.strip().length() <= PolicyDraft.MAX_REASON,
                        getTranslation("policy.error.reason", PolicyDraft.MAX_REASON))
                .bind(e -> e.reason, (e, v) -> e.reason = v);

        publish.addClickListener(e -> valid().ifPresent(entry -> fireEvent(new PublishEvent(this, entry))));
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
        Entry entry = new Entry();
        entry.threshold = from.feverThresholdC();
        entry.colors = new LinkedHashSet<>(from.admittedColors());
        entry.idCheck = from.photolessRequiresIdCheck();
        entry.mask = from.maskRequired();
        binder.readBean(entry);
        day.setValue(replayDay);
        day.setMax(replayDay.plusDays(1));
        error.setText("");
    }

    private java.util.Optional<Entry> valid() {
        Entry entry = new Entry();
        try {
            binder.writeBean(entry);
            error.setText("");
            return java.util.Optional.of(entry);
        } catch (ValidationException e) {
            return java.util.Optional.empty();
        }
    }

    /** For a what-if only the parameters must be valid: a reason comes when publishing. */
    private java.util.Optional<PolicyParameters> validParameters() {
        boolean ok = binder.validate().getFieldValidationErrors().stream()
                .allMatch(r -> r.getField() == reason || r.getField() == effectiveFrom);
        if (!ok) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parameters(threshold.getValue(), colors.getValue(), idCheck.getValue(),
                mask.getValue()));
    }

    static PolicyParameters parameters(BigDecimal threshold, Set<String> colors, boolean idCheck, boolean mask) {
        return new PolicyParameters(threshold.setScale(1, java.math.RoundingMode.UNNECESSARY), colors, idCheck, mask);
    }

    ZoneId zone() {
        return zone;
    }

    static final class PublishEvent extends ComponentEvent<PolicyForm> {
        final Entry entry;

        PublishEvent(PolicyForm source, Entry entry) {
            super(source, false);
            this.entry = entry;
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
