package org.gateboard.live.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.gateboard.base.ui.GbTable;
import org.gateboard.live.LiveStatsService;
import org.gateboard.live.VenueSummary;
import org.gateboard.live.VenueWarning;
import org.gateboard.security.CurrentUser;
import org.gateboard.base.Role;
import org.gateboard.security.SignedInUser;
import org.gateboard.base.ui.WallScreen;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueLevel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The start page. Officials and admins see one card per venue; a manager of one venue goes straight to it,
 * a manager of several sees cards of theirs. Today's cards move live; a past day is a still picture.
 */
@Route("")
@Menu(order = 0, icon = "vaadin:dashboard", title = "live.menu")
@PermitAll
class CityOverviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    enum SortKey { REGISTRY, ADMITTED, REFUSED, REFUSAL_RATE, ARRIVALS, WARNINGS }

    private final LiveStatsService live;
    private final CurrentUser currentUser;
    private final Formats formats;
    private final DatePicker date = new DatePicker();
    private final Select<String> district = new Select<>();
    private final Select<VenueLevel> level = new Select<>();
    private final Select<SortKey> sort = new Select<>();
    private final Div cards = new Div();
    private final Map<Long, VenueCard> cardsByVenue = new HashMap<>();
    private List<VenueSummary> shown = List.of();
    private LocalDate day;
    /** Today's cards follow the live counts; a past day does not change, so it needs no subscription. */
    private final LiveSubscription subscription;

    CityOverviewView(LiveStatsService live, CurrentUser currentUser, ZoneId venueZone) {
        this.live = live;
        this.subscription = new LiveSubscription(this, () -> day != null && day.equals(live.today()),
                ui -> live.subscribeOverview(list -> ui.access(() -> show(list))));
        this.currentUser = currentUser;
        if (currentUser.get().filter(SignedInUser::wallScreen).isPresent()) {
            WallScreen.keepSignedIn(this);
        }
        this.formats = new Formats(getLocale(), venueZone);
        setWidthFull();

        DatePickers.localized(date, getLocale(), getTranslation("live.date.today"), getTranslation("common.cancel"));
        date.setLabel(getTranslation("live.date"));
        date.setId("overview-date");
        date.setMax(live.today());
        date.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent().navigate("", e.getValue().equals(live.today()) ? QueryParameters.empty()
                        : QueryParameters.of("date", e.getValue().toString()));
            }
        });

        filter(district, "live.filter.district", "filter-district", d -> d);
        filter(level, "live.filter.level", "filter-level", l -> getTranslation("venue.level." + l.name()));
        level.setItems(VenueLevel.values());

        sort.setLabel(getTranslation("live.sort"));
        sort.setId("sort");
        sort.setItems(SortKey.values());
        sort.setItemLabelGenerator(k -> k == null ? "" : getTranslation("live.sort." + k.name()));
        sort.setValue(SortKey.REGISTRY);
        sort.addValueChangeListener(e -> layoutCards());

        HorizontalLayout toolbar = new HorizontalLayout(date, district, level, sort);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.getStyle().set("flex-wrap", "wrap");

        cards.setId("venue-cards");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("live.overview.title")), toolbar, cards);
    }

    /** A filter whose empty choice reads "all"; a change lays the cards out again. */
    private <X> void filter(Select<X> select, String labelKey, String id, Function<X, String> label) {
        String all = getTranslation("live.filter.all");
        select.setLabel(getTranslation(labelKey));
        select.setId(id);
        select.setItemLabelGenerator(x -> x == null ? all : label.apply(x));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(all);
        select.addValueChangeListener(e -> layoutCards());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        day = DateParameter.read(event.getLocation().getQueryParameters(), live.today());
        var user = currentUser.get();
        if (user.isPresent() && user.get().role() == Role.MANAGER && user.get().venueIds().size() == 1) {
            long venueId = user.get().venueIds().iterator().next();
            event.forwardTo("venues/" + venueId, event.getLocation().getQueryParameters());
            return;
        }
        date.setValue(day);
        List<VenueSummary> summaries = live.overview(day);
        district.setItems(summaries.stream().map(s -> s.venue().district()).filter(Objects::nonNull)
                .distinct().sorted().toList());
        show(summaries);
        getUI().ifPresent(subscription::follow);
    }

    private void show(List<VenueSummary> summaries) {
        if (!summaries.isEmpty() && summaries.get(0).live() && !summaries.get(0).date().equals(day)) {
            // midnight passed with the wall screen open: the cards are the new day's, and so is a card's click
            day = summaries.get(0).date();
            DatePickers.movedOnTo(date, day);
        }
        shown = summaries;
        for (VenueSummary s : summaries) {
            cardsByVenue.computeIfAbsent(s.venue().id(), id -> new VenueCard(s.venue())).show(s);
        }
        layoutCards();
    }

    private void layoutCards() {
        Comparator<VenueSummary> order = switch (sort.getValue() == null ? SortKey.REGISTRY : sort.getValue()) {
            case REGISTRY -> (a, b) -> 0;
            case ADMITTED -> Comparator.comparingLong(VenueSummary::admitted).reversed();
            case REFUSED -> Comparator.comparingLong(VenueSummary::refused).reversed();
            case REFUSAL_RATE -> Comparator.comparingDouble(VenueSummary::refusalRate).reversed();
            case ARRIVALS -> Comparator.comparingDouble((VenueSummary s) ->
                    s.arrivalsPerMinute() == null ? 0 : s.arrivalsPerMinute()).reversed();
            case WARNINGS -> Comparator.comparingInt((VenueSummary s) -> s.warnings().size()).reversed();
        };
        List<VenueCard> visible = shown.stream()
                .filter(s -> district.getValue() == null || district.getValue().equals(s.venue().district()))
                .filter(s -> level.getValue() == null || level.getValue() == s.venue().level())
                .sorted(order)
                .map(s -> cardsByVenue.get(s.venue().id()))
                .toList();
        cards.removeAll();
        visible.forEach(cards::add);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("live.overview.title") + " | " + getTranslation("app.title");
    }

    /**
     * One venue at a glance; a click opens the venue on the same day. Its name is a link to the same place, so
     * the card opens from the keyboard too, and names the table of its figures for screen readers.
     */
    private final class VenueCard extends Div {

        private static final String TARGET = "event.target.localName";

        private final GbTable figures = GbTable.figures();
        private final Span warning = new Span();
        private final RouterLink open;

        VenueCard(Venue venue) {
            String code = venue.code();
            setId("venue-card-" + code);
            figures.setId("figures-" + code);
            figures.setCaption(venue.name(getLocale()));
            warning.setId("warning-" + code);
            open = new RouterLink(venue.name(getLocale()), VenueView.class, venue.id());
            open.setId("venue-link-" + code);
            H3 name = new H3(open);
            name.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-l)");
            Span meta = new Span(getTranslation("venue.level." + venue.level().name())
                    + (venue.district() == null ? "" : " · " + venue.district()));
            meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            add(name, meta, warning, figures);
            getStyle().set("width", "19rem").set("padding", "var(--lumo-space-m)").set("cursor", "pointer")
                    .set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("display", "flex")
                    .set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                    .set("background", "var(--lumo-base-color)");
            getElement().addEventListener("click", e -> {
                // a click on the link itself is the link's to follow
                if (!e.getEventData().hasKey(TARGET) || !"a".equals(e.getEventData().getString(TARGET))) {
                    UI.getCurrent().navigate("venues/" + venue.id(), dayParameter());
                }
            }).addEventData(TARGET);
        }

        private QueryParameters dayParameter() {
            return day.equals(live.today()) ? QueryParameters.empty() : QueryParameters.of("date", day.toString());
        }

        void show(VenueSummary s) {
            open.setQueryParameters(dayParameter());
            figures.setRows(List.of(
                    figure("live.admitted", formats.count(s.admitted())),
                    figure("live.refused", formats.count(s.refused())),
                    figure("live.refusalRate", formats.percent(s.refusalRate())),
                    figure("live.arrivals5m", s.arrivalsPerMinute() == null ? "–"
                            : getTranslation("live.perMinute", formats.decimal(s.arrivalsPerMinute()))),
                    figure("live.onlineGates", s.onlineGates() == null ? "– / " + s.gates()
                            : s.onlineGates() + " / " + s.gates())));
            warning.setVisible(!s.warnings().isEmpty());
            warning.setText(s.warnings().stream().map(w -> getTranslation("live.warning." + w.name()))
                    .collect(Collectors.joining(" · ")));
            Badges.style(warning, s.warnings().contains(VenueWarning.QUEUE)
                    || s.warnings().contains(VenueWarning.DEVICE_OFFLINE) ? "error" : "warning");
        }

        private List<GbTable.Cell> figure(String key, String value) {
            return GbTable.figure(getTranslation(key), value);
        }
    }
}
