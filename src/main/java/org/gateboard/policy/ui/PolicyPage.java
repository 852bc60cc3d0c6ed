package org.gateboard.policy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.gateboard.base.UserFacingException;
import org.gateboard.policy.HistoryEntry;
import org.gateboard.policy.PolicyChange;
import org.gateboard.policy.PolicyDraft;
import org.gateboard.policy.PolicyEditor;
import org.gateboard.policy.PolicyParameter;
import org.gateboard.policy.PolicyParameters;
import org.gateboard.policy.PolicyService;
import org.gateboard.policy.PolicyWhatIf;
import org.gateboard.policy.Submitted;
import org.gateboard.policy.WhatIf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the policy overview and a venue's policy page share: the edit form with its what-if, one layer's
 * history (with roll back) and the scheduled and pending changes (with cancel and approve).
 */
abstract class PolicyPage extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    protected final transient PolicyService policies;
    protected final transient PolicyEditor editor;
    protected final transient PolicyWhatIf whatIf;
    protected final ZoneId zone;
    final PolicyForm form;
    final Span whatIfResult = new Span();
    final Span message = new Span();
    final Grid<PolicyChange> changes = new Grid<>();
    final Grid<HistoryEntry> history = new Grid<>();

    PolicyPage(PolicyService policies, PolicyEditor editor, PolicyWhatIf whatIf, ZoneId zone, String idPrefix) {
        this.policies = policies;
        this.editor = editor;
        this.whatIf = whatIf;
        this.zone = zone;
        this.form = new PolicyForm(idPrefix, zone);
        setWidthFull();
        whatIfResult.setId(idPrefix + "-whatif-result");
        message.setId(idPrefix + "-message");
        changes.setId(idPrefix + "-changes");
        changes.setAllRowsVisible(true);
        changes.addColumn(c -> c.version() == null ? "–" : String.valueOf(c.version()))
                .setHeader(getTranslation("policy.versionShort")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> layer(c.venueId())).setHeader(getTranslation("policy.layer"));
        changes.addColumn(c -> time(c.effectiveFrom())).setHeader(getTranslation("policy.effectiveFrom"));
        changes.addColumn(c -> getTranslation("policy.status." + c.status().name()))
                .setHeader(getTranslation("policy.status"));
        changes.addColumn(c -> describe(c.params())).setHeader(getTranslation("policy.parameters")).setFlexGrow(3);
        changes.addColumn(PolicyChange::createdBy).setHeader(getTranslation("policy.who"));
        changes.addComponentColumn(this::changeActions).setKey("actions").setAutoWidth(true);
        history.setId(idPrefix + "-history");
        history.setAllRowsVisible(true);
        history.addColumn(e -> e.change().version() == null ? "–" : String.valueOf(e.change().version()))
                .setHeader(getTranslation("policy.versionShort")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(e -> time(e.change().createdAt())).setHeader(getTranslation("policy.when"));
        history.addColumn(e -> e.change().createdBy()
                        + (e.change().approvedBy() == null ? "" : " / " + e.change().approvedBy()))
                .setHeader(getTranslation("policy.who"));
        history.addColumn(e -> time(e.change().effectiveFrom())).setHeader(getTranslation("policy.effectiveFrom"));
        history.addColumn(e -> getTranslation("policy.status." + e.change().status().name()))
                .setHeader(getTranslation("policy.status"));
        history.addColumn(e -> e.change().reason()).setHeader(getTranslation("policy.reason")).setFlexGrow(2);
        history.addColumn(this::differences).setHeader(getTranslation("policy.differences")).setFlexGrow(3);
        history.addComponentColumn(this::rollBackButton).setKey("rollback").setAutoWidth(true);

        form.onPublish(e -> publish(e.parameters, e.timing));
        form.onWhatIf(e -> replay(e.parameters, e.day));
    }

    /** The layer this page edits: null for the baseline. */
    protected abstract Long layer();

    /** Reads everything anew after a change. */
    protected abstract void refresh();

    protected Span section(String key) {
        H3 h = new H3(getTranslation(key));
        h.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "var(--lumo-space-s) 0");
        return new Span(h);
    }

    private void publish(PolicyParameters parameters, PolicyForm.Timing timing) {
        Instant from = timing.effectiveFrom == null ? null : timing.effectiveFrom.atZone(zone).toInstant();
        attempt(() -> {
            Submitted s = editor.submit(new PolicyDraft(layer(), parameters, from, timing.reason));
            return s.awaitsApproval() ? getTranslation("policy.message.pending")
                    : getTranslation("policy.message.published", s.version(), time(s.change().effectiveFrom()));
        });
    }

    private void replay(PolicyParameters draft, java.time.LocalDate day) {
        try {
            WhatIf w = whatIf.replay(layer(), draft, day == null ? whatIf.yesterday() : day);
            whatIfResult.setText(describe(w));
            form.error.setText("");
        } catch (UserFacingException e) {
            form.error.setText(getTranslation(e.messageKey(), e.args()));
        }
    }

    /** Runs a change; shows its outcome, or the service's refusal in the reader's language, and refreshes. */
    protected void attempt(java.util.function.Supplier<String> change) {
        try {
            message.setText(change.get());
            form.error.setText("");
            refresh();
        } catch (UserFacingException e) {
            form.error.setText(getTranslation(e.messageKey(), e.args()));
            message.setText(form.error.getText());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            message.setText(getTranslation("error.accessDenied.page"));
        }
    }

    private HorizontalLayout changeActions(PolicyChange c) {
        HorizontalLayout actions = new HorizontalLayout();
        if (c.status() == PolicyChange.Status.PUBLISHED && c.version() != null && policies.canEdit(c.venueId())) {
            actions.add(button("policy.cancel", "cancel-" + c.version(),
                    () -> attempt(() -> {
                        editor.cancelScheduled(c.version());
                        return getTranslation("policy.message.cancelled", c.version());
                    })));
        }
        if (policies.canApprove(c)) {
            actions.add(button("policy.approve", "approve-" + c.id(), () -> attempt(() -> {
                Submitted s = editor.approve(c.id());
                return getTranslation("policy.message.published", s.version(), time(s.change().effectiveFrom()));
            })));
        }
        return actions;
    }

    private Button rollBackButton(HistoryEntry e) {
        Button b = button("policy.rollBack", "rollback-" + e.change().version(), () -> attempt(() -> {
            String reason = getTranslation("policy.rollBack.reason", e.change().version());
            Submitted s = editor.rollBack(e.change().version(), reason);
            return s.awaitsApproval() ? getTranslation("policy.message.pending")
                    : getTranslation("policy.message.published", s.version(), time(s.change().effectiveFrom()));
        }));
        b.setVisible(e.change().status() == PolicyChange.Status.PUBLISHED && e.change().version() != null
                && policies.canEdit(layer()));
        return b;
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button(getTranslation(key), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    protected String layer(Long venueId) {
        if (venueId == null) {
            return getTranslation("policy.baseline");
        }
        return policies.visibleVenuePolicies().stream().filter(v -> v.venueId() == venueId).findFirst()
                .map(v -> v.name(getLocale())).orElse("#" + venueId);
    }

    protected String describe(PolicyParameters p) {
        return getTranslation("policy.describe", p.feverThresholdC().toPlainString(),
                p.admittedColors().stream().map(c -> getTranslation("verdict.color." + c))
                        .collect(Collectors.joining("/")),
                getTranslation(p.photolessRequiresIdCheck() ? "common.yes" : "common.no"),
                getTranslation(p.maskRequired() ? "common.yes" : "common.no"));
    }

    private String differences(HistoryEntry e) {
        return e.differences().stream().map(p -> getTranslation(p.labelKey()) + ": " + value(p, e.previous())
                + " → " + value(p, e.change().params())).collect(Collectors.joining("; "));
    }

    private String value(PolicyParameter p, PolicyParameters params) {
        Object v = p.valueIn(params);
        if (v instanceof Boolean b) {
            return getTranslation(b ? "common.yes" : "common.no");
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(x -> getTranslation("verdict.color." + x)).collect(Collectors.joining("/"));
        }
        return String.valueOf(v);
    }

    String describe(WhatIf w) {
        String venues = w.byVenue().stream().filter(v -> v.newlyRefused() + v.newlyAdmitted() > 0)
                .map(v -> getTranslation("policy.whatIf.venue", v.venueCode(), v.newlyRefused(), v.newlyAdmitted()))
                .collect(Collectors.joining("; "));
        return getTranslation("policy.whatIf.result", w.day().toString(), w.verdicts(), w.newlyRefused(),
                w.newlyAdmitted(), counts(w.newlyRefusedByReason(), "verdict.reason."),
                counts(w.newlyRefusedByRole(), "verdict.role."), venues.isEmpty() ? "–" : venues);
    }

    private String counts(Map<String, Long> counts, String prefix) {
        if (counts.isEmpty()) {
            return "–";
        }
        return counts.entrySet().stream().map(e -> getTranslation(prefix + e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    protected String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    protected List<HistoryEntry> historyOf(Long venueId) {
        return policies.history(venueId);
    }
}
