package org.gateboard.venue.ui;

import org.gateboard.base.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;

import java.time.ZoneId;
import java.util.Optional;

/** One venue's gates (create, edit, deactivate) and, for the chosen gate, its devices. */
@Route("admin/venues/:" + VenueGatesView.VENUE_ID + "([0-9]{1,18})/gates")
@RolesAllowed(Role.Names.ADMIN)
class VenueGatesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String VENUE_ID = "venueId";

    final H2 title = new H2();
    final Span venueInfo = new Span();
    final Grid<Gate> grid = new Grid<>();
    final Button create = new Button();
    final GateForm form = new GateForm();
    final DevicesPanel devices;

    private final transient VenueService venues;
    private Venue venue;

    VenueGatesView(VenueService venues, ZoneId venueZone) {
        this.venues = venues;
        this.devices = new DevicesPanel(venues, venueZone);

        Button back = new Button(getTranslation("venue.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(VenuesView.class)));
        back.setId("venue-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        create.setText(getTranslation("venue.gate.new"));
        create.setId("gate-new");
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(null));

        grid.setId("gate-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(Gate::code).setHeader(getTranslation("venue.gate.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Gate::nameZh).setHeader(getTranslation("venue.nameZh"));
        grid.addColumn(Gate::nameEn).setHeader(getTranslation("venue.nameEn"));
        grid.addColumn(g -> getTranslation(g.active() ? "common.active" : "common.inactive"))
                .setHeader(getTranslation("venue.status")).setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue());
            }
            devices.show(e.getValue());
        });

        form.setWidth("28em");
        form.addSaveListener(this::save);
        form.addActiveListener(this::setActive);
        form.addCloseListener(e -> close());

        HorizontalLayout header = new HorizontalLayout(back, title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout content = new HorizontalLayout(grid, form);
        content.setWidthFull();
        content.setFlexGrow(1, grid);
        add(header, venueInfo, create, content, devices);
        close();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Venue> found = event.getRouteParameters().getLong(VENUE_ID).flatMap(venues::venue);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("venue.error.notFound"));
            return;
        }
        venue = found.get();
        title.setText(venue.name(getLocale()) + " (" + venue.code() + ")");
        venueInfo.setText(getTranslation("venue.level." + venue.level().name())
                + (venue.district() == null ? "" : " · " + venue.district())
                + (venue.active() ? "" : " · " + getTranslation("common.inactive")));
        refresh();
    }

    private void refresh() {
        grid.setItems(venues.gates(venue.id()));
    }

    private void open(Gate gate) {
        form.edit(gate);
        form.setVisible(true);
        form.code.focus();
    }

    private void close() {
        form.setVisible(false);
    }

    private void save(RegistryForm.SaveEvent<Gate, GateDraft> e) {
        Gate saved = Feedback.attempt(() -> e.item() == null ? venues.createGate(venue.id(), e.draft())
                : venues.updateGate(e.item().id(), e.item().version(), e.draft(), e.item().active()));
        if (saved != null) {
            Feedback.success("venue.gate.saved", saved.code());
            refresh();
            // keep the saved gate chosen, so its devices can be registered right away
            grid.select(saved);
        }
    }

    private void setActive(RegistryForm.ActiveEvent<Gate> e) {
        Gate saved = Feedback.attempt(() -> venues.setGateActive(e.item().id(), e.item().version(), e.active()));
        if (saved != null) {
            Feedback.success(saved.active() ? "venue.gate.activated" : "venue.gate.deactivated", saved.code());
            refresh();
            close();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("venue.gate.pageTitle", venue == null ? "" : venue.code());
    }
}
