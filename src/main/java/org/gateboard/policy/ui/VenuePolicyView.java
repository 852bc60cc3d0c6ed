package org.gateboard.policy.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.policy.PolicyEditor;
import org.gateboard.policy.PolicyService;
import org.gateboard.policy.PolicyWhatIf;
import org.gateboard.policy.VenuePolicy;

import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * One venue's policy: what its gates apply, its own values, the notice when a stricter baseline overrides
 * them, its history and scheduled changes; its managers and officials tighten it here. A venue the person
 * may not see is answered as not found, as the live views do.
 */
@Route("policy/venues")
@RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER, Role.Names.ADMIN})
class VenuePolicyView extends PolicyPage implements HasUrlParameter<Long>, HasDynamicTitle {

    final H2 title = new H2();
    final Span effective = new Span();
    final Span notice = new Span();
    private long venueId;
    private String venueName = "";

    VenuePolicyView(PolicyService policies, PolicyEditor editor, PolicyWhatIf whatIf, ZoneId venueZone) {
        super(policies, editor, whatIf, venueZone, "venue-policy");
        title.setId("venue-policy-title");
        effective.setId("venue-policy-effective");
        notice.setId("venue-policy-notice");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        VenuePolicy v = id == null ? null : policies.venuePolicy(id).orElse(null);
        if (v == null) {
            event.rerouteToError(NotFoundException.class, getTranslation("venue.error.notFound"));
            return;
        }
        venueId = id;
        venueName = v.name(getLocale());
        removeAll();
        add(title, notice, effective, section("policy.scheduled"), changes, message);
        if (policies.canEdit(venueId)) {
            form.edit(getTranslation("policy.form.venueTitle", venueName),
                    v.own() != null ? v.own() : v.effective().params(), whatIf.yesterday());
            add(form, whatIfResult);
        }
        add(section("policy.history.venue"), history);
        refresh();
    }

    @Override
    protected Long layer() {
        return venueId;
    }

    @Override
    protected void refresh() {
        VenuePolicy v = policies.venuePolicy(venueId).orElseThrow();
        title.setText(getTranslation("policy.venueTitle", venueName));
        effective.setText(getTranslation("policy.version", v.effective().version()) + " · "
                + time(v.inForceSince()) + " · " + describe(v.effective().params())
                + (v.own() == null ? " · " + getTranslation("policy.followsBaseline") : ""));
        notice.setVisible(!v.overriddenByBaseline().isEmpty());
        notice.setText(getTranslation("policy.notice.baselineOverrides", v.overriddenByBaseline().stream()
                .map(p -> getTranslation(p.labelKey())).collect(Collectors.joining(", "))));
        changes.setItems(policies.openChanges().stream()
                .filter(c -> c.venueId() == null || c.venueId() == venueId).toList());
        history.setItems(historyOf(venueId));
    }

    @Override
    public String getPageTitle() {
        return venueName + " | " + getTranslation("policy.menu");
    }
}
