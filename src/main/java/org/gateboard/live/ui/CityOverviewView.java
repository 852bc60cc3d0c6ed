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
import com.vaadin.flow.i18n.I18NProvider;
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
    /** Builds the cards; equal for every overview in the same language, so a push round builds each card once. */
    private final CardScreen.Maker cardScreens;
    private final DatePicker date = new DatePicker();
    private final Select<String> district = new Select<>();
    private final Select<VenueLevel> level = new Select<>();
    private final Select<SortKey> sort = new Select<>();
    private final Div cards = new Div();
    private final Map<Long, VenueCard> cardsByVenue = new HashMap<>();
    private List<CardScreen> shown = List.of();
    /** The cards in the order they are laid out now: a push that changes no order or filter moves none. */
    private List<VenueCard> laidOut = List.of();
    private LocalDate day;
    /** The day the cards open when clicked. */
    private LocalDate linkedDay;
    /** Today's cards follow the live counts; a past day does not change, so it needs no subscription. */
    private final LiveSubscription subscription;

    CityOverviewView(LiveStatsService live, CurrentUser currentUser, ZoneId venueZone, I18NProvider i18n) {
        this.live = live;
        this.cardScreens = new CardScreen.Maker(i18n, getLocale(), venueZone);
        this.subscription = new LiveSubscription(this, () -> day != null && day.equals(live.today()),
                ui -> live.subscribeOverview(cardScreens, list -> ui.access(() -> show(list))));
        this.currentUser = currentUser;
        if (currentUser.get().filter(SignedInUser::wallScreen).isPresent()) {
            WallScreen.keepSignedIn(this);
        }
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
        show(summaries.stream().map(cardScreens).toList());
        getUI().ifPresent(subscription::follow);
    }

    private void show(List<CardScreen> screens) {
        if (!screens.isEmpty() && screens.get(0).summary().live() && !screens.get(0).summary().date().equals(day)) {
            // midnight passed with the wall screen open: the cards are the new day's, and so is a card's click
            day = screens.get(0).summary().date();
            DatePickers.movedOnTo(date, day);
        }
        if (!day.equals(linkedDay)) {
            linkedDay = day;
            cardsByVenue.values().forEach(VenueCard::link);
        }
        shown = screens;
        for (CardScreen s : screens) {
            cardsByVenue.computeIfAbsent(s.venueId(), id -> new VenueCard(s.summary().venue())).show(s);
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
        List<VenueCard> visible = shown.stream().map(CardScreen::summary)
                .filter(s -> district.getValue() == null || district.getValue().equals(s.venue().district()))
                .filter(s -> level.getValue() == null || level.getValue() == s.venue().level())
                .sorted(order)
                .map(s -> cardsByVenue.get(s.venue().id()))
                .toList();
        if (visible.equals(laidOut)) {
            return;
        }
        laidOut = visible;
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
        /** What the card shows now: a push sets only what differs from it. */
        private CardScreen shown;

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
            link();
        }

        /** Points the link at the shown day. */
        void link() {
            open.setQueryParameters(dayParameter());
        }

        private QueryParameters dayParameter() {
            return day.equals(live.today()) ? QueryParameters.empty() : QueryParameters.of("date", day.toString());
        }

        /** Shows the card's figures and warning, setting only what differs from what it shows already. */
        void show(CardScreen s) {
            CardScreen before = shown;
            shown = s;
            if (before == null || !before.figures().equals(s.figures())) {
                figures.setRows(s.figures());
            }
            if (before == null || !before.warning().equals(s.warning())) {
                warning.setVisible(!s.warning().isEmpty());
                warning.setText(s.warning());
            }
            if (before == null || !before.warningTone().equals(s.warningTone())) {
                Badges.style(warning, s.warningTone());
            }
        }
    }
}
