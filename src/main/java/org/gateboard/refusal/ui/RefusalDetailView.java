package org.gateboard.refusal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.live.DeviceHealth;
import org.gateboard.policy.EffectivePolicy;
import org.gateboard.refusal.RefusalDetail;
import org.gateboard.refusal.RefusalEvidence;
import org.gateboard.refusal.RefusalItem;
import org.gateboard.refusal.RefusalService;
import org.gateboard.refusal.Review;
import org.gateboard.refusal.TimelineEntry;
import org.gateboard.security.CurrentUser;

import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One refusal: every fact, the policy version it named and what that said, conformance, the device and its
 * health now, the person's verdicts that day, and the dispositions (recorded here by officials), with the
 * evidence sheet to download. Opening it is audited by the service, and so is each sheet.
 */
@Route("refusals/:verdictId([0-9a-fA-F-]{36})")
@RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
class RefusalDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final FormLayout facts = new FormLayout();
    final FormLayout policy = new FormLayout();
    final FormLayout device = new FormLayout();
    final Grid<TimelineEntry> timeline = new Grid<>();
    final Grid<Review> history = new Grid<>();
    final ReviewForm form = new ReviewForm(true);
    final Button save = new Button();
    final Span error = new Span();
    final Anchor evidence = new Anchor();

    private final transient RefusalService refusals;
    private final transient RefusalEvidence sheets;
    private final ZoneId zone;
    private final boolean official;
    private UUID verdictId;

    RefusalDetailView(RefusalService refusals, RefusalEvidence sheets, CurrentUser user, ZoneId venueZone) {
        this.refusals = refusals;
        this.sheets = sheets;
        this.zone = venueZone;
        this.official = user.require().role() == Role.OFFICIAL;
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT);
        timeline.setAllRowsVisible(true);
        timeline.addColumn(t -> Texts.time(t.scannedAt(), zone)).setHeader(getTranslation("refusal.col.time"));
        timeline.addColumn(TimelineEntry::venueCode).setHeader(getTranslation("refusal.col.venue"));
        timeline.addColumn(TimelineEntry::gateCode).setHeader(getTranslation("refusal.col.gate"));
        timeline.addColumn(t -> getTranslation("verdict.outcome." + t.outcome().name())
                + (t.thisRefusal() ? " ◀" : "")).setHeader(getTranslation("refusal.col.outcome"));
        timeline.addColumn(t -> Texts.reasons(this, t.reasons())).setHeader(getTranslation("refusal.col.reasons"));
        timeline.addColumn(t -> t.temperatureC() + " °C").setHeader(getTranslation("refusal.col.temperature"));
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.addColumn(r -> Texts.time(r.reviewedAt(), zone)).setHeader(getTranslation("refusal.col.time"));
        history.addColumn(r -> getTranslation("refusal.status." + r.disposition().name()))
                .setHeader(getTranslation("refusal.review.disposition"));
        history.addColumn(Review::comment).setHeader(getTranslation("refusal.review.comment"));
        history.addColumn(r -> Texts.orDash(r.appealReference())).setHeader(getTranslation("refusal.review.appealReference"));
        history.addColumn(r -> Texts.orDash(r.appealOutcome())).setHeader(getTranslation("refusal.review.appealOutcome"));
        history.addColumn(Review::reviewedBy).setHeader(getTranslation("refusal.review.by"));
        save.setText(getTranslation("refusal.review.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        evidence.setId("refusal-evidence");
        evidence.add(VaadinIcon.FILE_TEXT_O.create(), new Span(getTranslation("refusal.evidence.download")));
        evidence.getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-xs)")
                .set("align-items", "center");
        // drawn when clicked, not when the page opens: each sheet is a look of its own, audited as such
        evidence.setHref((DownloadHandler) event -> {
            event.setFileName(RefusalEvidence.fileName(verdictId));
            event.setContentType("application/pdf");
            event.getOutputStream().write(evidencePdf());
        });
    }

    /** The evidence sheet of the refusal shown, as the download sends it. */
    byte[] evidencePdf() {
        return sheets.sheet(verdictId);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            verdictId = UUID.fromString(event.getRouteParameters().get("verdictId").orElseThrow());
            show(refusals.detail(verdictId));
        } catch (IllegalArgumentException | UserFacingException e) {
            event.rerouteToError(NotFoundException.class, "refusal");
        }
    }

    private void show(RefusalDetail d) {
        removeAll();
        RefusalItem i = d.item();
        facts.removeAll();
        fact(facts, "refusal.col.time", Texts.time(i.scannedAt(), zone));
        fact(facts, "refusal.detail.received", Texts.time(d.receivedAt(), zone));
        fact(facts, "refusal.col.venue", d.venue() == null ? i.venueCode() : i.venueCode() + " " + d.venue().name(getLocale()));
        fact(facts, "refusal.col.gate", d.gate() == null ? i.gateCode() : i.gateCode() + " " + d.gate().name(getLocale()));
        fact(facts, "refusal.col.reasons", Texts.reasons(this, i.reasons()));
        fact(facts, "refusal.detail.color", i.codeColor() == null ? "–" : getTranslation("verdict.color." + i.codeColor().name()));
        fact(facts, "refusal.col.channel", i.channel() == null ? "–" : getTranslation("verdict.channel." + i.channel().name()));
        fact(facts, "refusal.detail.photo", yesNo(d.photoOnCode()));
        fact(facts, "refusal.detail.idChecked", yesNo(d.idChecked()));
        fact(facts, "refusal.detail.mask", yesNo(d.maskWorn()));
        fact(facts, "refusal.col.temperature", i.temperatureC() + " °C");
        fact(facts, "refusal.col.role", getTranslation("verdict.role." + i.personRole().name()));
        fact(facts, "refusal.col.idNumber", Texts.orDash(i.idNumberMasked()));
        fact(facts, "refusal.col.name", Texts.orDash(i.personName()));
        fact(facts, "refusal.detail.checkTime", d.checkMillis() == null ? "–" : d.checkMillis() + " ms");
        fact(facts, "refusal.detail.conformance", d.nonConforming() ? Texts.rules(this, i.nonConformance())
                : getTranslation("refusal.detail.conforms"));
        policy.removeAll();
        EffectivePolicy p = d.policy();
        fact(policy, "refusal.detail.policyVersion", String.valueOf(i.policyVersion()));
        if (p == null) {
            fact(policy, "refusal.detail.policy", getTranslation("refusal.detail.policyUnknown"));
        } else {
            fact(policy, "refusal.detail.policyScope", p.isBaseline() ? getTranslation("refusal.detail.baseline")
                    : getTranslation("refusal.detail.venuePolicy", p.baselineVersion()));
            fact(policy, "refusal.detail.effectiveFrom", Texts.time(p.effectiveFrom(), zone));
            fact(policy, "refusal.detail.fever", "≥ " + p.params().feverThresholdC() + " °C");
            fact(policy, "refusal.detail.colors", p.params().admittedColors().stream()
                    .map(c -> getTranslation("verdict.color." + c)).collect(Collectors.joining(", ")));
            fact(policy, "refusal.detail.photoRule", yesNo(p.params().photolessRequiresIdCheck()));
            fact(policy, "refusal.detail.maskRule", yesNo(p.params().maskRequired()));
            fact(policy, "refusal.detail.policyReason", p.reason());
        }
        device.removeAll();
        fact(device, "refusal.detail.device", d.device() == null ? "–" : d.device().label());
        DeviceHealth h = d.deviceHealth();
        fact(device, "refusal.detail.deviceNow", h == null ? "–" : getTranslation(h.online()
                ? "refusal.detail.online" : "refusal.detail.offline"));
        fact(device, "refusal.detail.lastContact", h == null ? "–" : Texts.time(h.lastContact(), zone));
        fact(device, "refusal.detail.devicePolicy", h == null ? "–" : Texts.orDash(h.policyVersion()));
        timeline.setItems(d.timeline());
        history.setItems(d.reviews());
        add(new H2(getTranslation("refusal.detail.title")), evidence, facts, new H3(getTranslation("refusal.detail.policy")),
                policy, new H3(getTranslation("refusal.detail.deviceTitle")), device,
                new H3(getTranslation("refusal.detail.timeline")), timeline,
                new H3(getTranslation("refusal.detail.history")), history);
        if (official) {
            add(new H3(getTranslation("refusal.review.title")), form, save, error);
        }
    }

    void save() {
        try {
            refusals.review(verdictId, form.request());
            error.setText("");
            form.clear();
            RefusalsView.notify(getTranslation("refusal.review.saved"), true);
            show(refusals.detail(verdictId));
        } catch (UserFacingException e) {
            error.setText(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void fact(FormLayout layout, String key, String value) {
        Div v = new Div(new Span(value == null ? "–" : value));
        v.setId("fact-" + key.substring(key.lastIndexOf('.') + 1));
        layout.addFormItem(v, getTranslation(key));
    }

    private String yesNo(Boolean b) {
        return b == null ? "–" : getTranslation(b ? "common.yes" : "common.no");
    }

    String factText(String id) {
        return facts.getChildren().map(this::find).filter(c -> c != null && c.getId().orElse("").equals("fact-" + id))
                .findFirst().map(c -> c.getElement().getTextRecursively()).orElse(null);
    }

    private Component find(Component item) {
        return item.getChildren().filter(c -> c.getId().isPresent()).findFirst().orElse(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refusal.detail.title");
    }
}
