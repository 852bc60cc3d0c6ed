package org.gateboard.policy.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.policy.EffectivePolicy;
import org.gateboard.policy.OutdatedDevices;
import org.gateboard.policy.PolicyEditor;
import org.gateboard.policy.PolicyService;
import org.gateboard.policy.PolicyWhatIf;
import org.gateboard.policy.VenuePolicy;
import org.springframework.beans.factory.ObjectProvider;

import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The city baseline and every venue's effective policy side by side (managers: their venues), what is
 * scheduled or waiting for approval, how many devices of each venue run an outdated version; officials
 * edit the baseline here, with its history.
 */
@Route("policy")
@Menu(order = 45, icon = "vaadin:scale", title = "policy.menu")
@RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER, Role.Names.ADMIN})
class PolicyView extends PolicyPage implements HasDynamicTitle {

    final Span baseline = new Span();
    final Grid<VenuePolicy> venues = new Grid<>();
    private final transient ObjectProvider<OutdatedDevices> outdated;
    private Map<Long, Long> outdatedByVenue = Map.of();

    PolicyView(PolicyService policies, PolicyEditor editor, PolicyWhatIf whatIf, ZoneId venueZone,
               ObjectProvider<OutdatedDevices> outdated) {
        super(policies, editor, whatIf, venueZone, "baseline");
        this.outdated = outdated;
        baseline.setId("policy-baseline");
        venues.setId("policy-venues");
        venues.setAllRowsVisible(true);
        venues.addComponentColumn(v -> new Anchor("policy/venues/" + v.venueId(), v.name(getLocale())))
                .setHeader(getTranslation("policy.venue")).setFlexGrow(2);
        venues.addColumn(v -> v.effective().version()).setHeader(getTranslation("policy.versionShort"))
                .setAutoWidth(true).setFlexGrow(0);
        venues.addColumn(v -> describe(v.effective().params())).setHeader(getTranslation("policy.parameters"))
                .setFlexGrow(3);
        venues.addColumn(v -> v.own() == null ? getTranslation("policy.followsBaseline")
                : getTranslation("policy.ownValues")).setHeader(getTranslation("policy.layer"));
        venues.addColumn(v -> v.overriddenByBaseline().isEmpty() ? "" : v.overriddenByBaseline().stream()
                        .map(p -> getTranslation(p.labelKey())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("policy.overridden"));
        venues.addColumn(v -> outdatedByVenue.getOrDefault(v.venueId(), 0L))
                .setHeader(getTranslation("policy.outdatedDevices")).setAutoWidth(true);

        add(section("policy.baseline"), baseline, section("policy.venues"), venues, section("policy.scheduled"),
                changes, message);
        if (policies.canEdit(null)) {
            form.edit(getTranslation("policy.form.baselineTitle"), policies.baseline().params(), whatIf.yesterday());
            add(form, whatIfResult);
        }
        add(section("policy.history.baseline"), history);
        refresh();
    }

    @Override
    protected Long layer() {
        return null;
    }

    @Override
    protected void refresh() {
        EffectivePolicy b = policies.baseline();
        baseline.setText(getTranslation("policy.version", b.version()) + " · " + time(b.effectiveFrom()) + " · "
                + describe(b.params()));
        outdatedByVenue = outdated.getIfAvailable(() -> Map::of).outdatedByVenue();
        venues.setItems(policies.visibleVenuePolicies());
        changes.setItems(policies.openChanges());
        history.setItems(historyOf(null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("policy.menu") + " | " + getTranslation("app.title");
    }
}
