package org.gateboard.venue.ui;

import org.gateboard.base.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;
import org.gateboard.venue.VenueService;

/** Admins' list of venues, filtered by level and district, with the form to create and edit them. */
@Route("admin/venues")
@Menu(order = 50, icon = "vaadin:building", title = "venue.menu")
@RolesAllowed(Role.Names.ADMIN)
class VenuesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Venue> grid = new Grid<>();
    final Select<VenueLevel> levelFilter = new Select<>();
    final ComboBox<String> districtFilter = new ComboBox<>();
    final Button create = new Button();
    final VenueForm form = new VenueForm();

    private final transient VenueService venues;

    VenuesView(VenueService venues) {
        this.venues = venues;
        setSizeFull();

        levelFilter.setLabel(getTranslation("venue.level"));
        levelFilter.setId("venue-level-filter");
        levelFilter.setItems(VenueLevel.values());
        levelFilter.setEmptySelectionAllowed(true);
        levelFilter.setEmptySelectionCaption(getTranslation("venue.filter.all"));
        levelFilter.setItemLabelGenerator(l -> l == null ? getTranslation("venue.filter.all")
                : getTranslation("venue.level." + l.name()));
        levelFilter.addValueChangeListener(e -> refresh());
        districtFilter.setLabel(getTranslation("venue.district"));
        districtFilter.setId("venue-district-filter");
        districtFilter.setPlaceholder(getTranslation("venue.filter.all"));
        districtFilter.setClearButtonVisible(true);
        districtFilter.addValueChangeListener(e -> refresh());
        create.setText(getTranslation("venue.new"));
        create.setId("venue-new");
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(null));
        HorizontalLayout toolbar = new HorizontalLayout(levelFilter, districtFilter, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("venue-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Venue::code).setHeader(getTranslation("venue.code")).setAutoWidth(true).setFlexGrow(0)
                .setSortable(true);
        grid.addColumn(Venue::nameZh).setHeader(getTranslation("venue.nameZh")).setFlexGrow(2);
        grid.addColumn(Venue::nameEn).setHeader(getTranslation("venue.nameEn")).setFlexGrow(2);
        grid.addColumn(v -> getTranslation("venue.level." + v.level().name())).setHeader(getTranslation("venue.level"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Venue::district).setHeader(getTranslation("venue.district")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> getTranslation(v.active() ? "common.active" : "common.inactive"))
                .setHeader(getTranslation("venue.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(v -> {
            Button gates = new Button(getTranslation("venue.gates"), e -> openGates(v));
            gates.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return gates;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue());
            }
        });

        form.setWidth("28em");
        form.addSaveListener(this::save);
        form.addActiveListener(this::setActive);
        form.addCloseListener(e -> close());

        grid.setHeightFull();
        HorizontalLayout content = new HorizontalLayout(grid, form);
        content.setSizeFull();
        content.setFlexGrow(1, grid);
        add(new H2(getTranslation("venue.title")), toolbar, content);
        setFlexGrow(1, content);
        reloadDistricts();
        refresh();
        close();
    }

    private void refresh() {
        grid.setItems(venues.venues(levelFilter.getValue(), districtFilter.getValue()));
    }

    /** After a change a district may have appeared; the admin's current filter stays. */
    private void reloadDistricts() {
        String chosen = districtFilter.getValue();
        var districts = venues.districts();
        districtFilter.setItems(districts);
        if (chosen != null && districts.contains(chosen)) {
            districtFilter.setValue(chosen);
        }
    }

    private void open(Venue venue) {
        form.edit(venue);
        form.setVisible(true);
        form.code.focus();
    }

    private void close() {
        form.setVisible(false);
        grid.asSingleSelect().clear();
    }

    private void save(RegistryForm.SaveEvent<Venue, VenueDraft> e) {
        Venue saved = Feedback.attempt(() -> e.item() == null ? venues.createVenue(e.draft())
                : venues.updateVenue(e.item().id(), e.item().version(), e.draft(), e.item().active()));
        if (saved != null) {
            Feedback.success("venue.saved", saved.code());
            reloadDistricts();
            refresh();
            close();
        }
    }

    private void setActive(RegistryForm.ActiveEvent<Venue> e) {
        Venue saved = Feedback.attempt(() -> venues.setVenueActive(e.item().id(), e.item().version(), e.active()));
        if (saved != null) {
            Feedback.success(saved.active() ? "venue.activated" : "venue.deactivated", saved.code());
            refresh();
            close();
        }
    }

    private void openGates(Venue venue) {
        getUI().ifPresent(ui -> ui.navigate(VenueGatesView.class,
                new RouteParameters(VenueGatesView.VENUE_ID, String.valueOf(venue.id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("venue.title");
    }
}
