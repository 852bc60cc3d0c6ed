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
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.gateboard.base.ui.GbChart;
import org.gateboard.base.ui.GbTable;
import org.gateboard.base.ui.WallScreen;
import org.gateboard.security.CurrentUser;
import org.gateboard.security.SignedInUser;
import org.gateboard.live.LiveStatsService;
import org.gateboard.policy.PolicyParameter;
import org.gateboard.policy.PolicyService;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One venue's day: totals, refusals by reason and role, the hourly chart, gates and devices. Today's view
 * follows the live counts; a past day (chosen with the date picker) is a still picture. A venue the person
 * may not see is answered as not found, so its existence is not revealed either.
 */
@Route("venues")
@PermitAll
class VenueView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final LiveStatsService live;
    /** Builds what this view shows; equal for every view in the same language, so a push round builds it once. */
    private final VenueScreen.Maker screens;
    private final H2 title = new H2();
    private final Span mode = new Span();
    private final DatePicker date = new DatePicker();
    private final Tile admitted;
    private final Tile refused;
    private final Tile rate;
    private final Tile arrivals;
    private final Tile online;
    private final Tile nonConforming;
    private final Span warnings = new Span();
    private final GbTable reasons = GbTable.figures();
    private final RoleTable roles;
    private final GbChart hourly = new GbChart("bar");
    private final GateTable gates;
    private final DeviceTable devices;
    private long venueId;
    private LocalDate day;
    private String venueName = "";
    /** What the view shows now: a push sets only what differs from it. */
    private VenueScreen shown;
    /** Today's figures follow the live counts; a past day does not change, so it needs no subscription. */
    private final LiveSubscription subscription;

    /** A stricter city baseline overrides this venue's own policy values: its managers are told. */
    private final Span policyNotice = new Span();
    private final PolicyService policies;

    VenueView(LiveStatsService live, CurrentUser currentUser, ZoneId venueZone, PolicyService policies,
              I18NProvider i18n) {
        this.live = live;
        this.policies = policies;
        if (currentUser.get().filter(SignedInUser::wallScreen).isPresent()) {
            WallScreen.keepSignedIn(this);
        }
        this.screens = new VenueScreen.Maker(i18n, getLocale(), venueZone);
        this.subscription = new LiveSubscription(this, () -> day != null && day.equals(live.today()),
                ui -> live.subscribeVenue(venueId, screens, screen -> ui.access(() -> show(screen))));
        setWidthFull();

        mode.setId("live-indicator");
        DatePickers.localized(date, getLocale(), getTranslation("live.date.today"), getTranslation("common.cancel"));
        date.setLabel(getTranslation("live.date"));
        date.setId("venue-date");
        date.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent().navigate("venues/" + venueId, e.getValue().equals(live.today())
                        ? QueryParameters.empty() : QueryParameters.of("date", e.getValue().toString()));
            }
        });
        HorizontalLayout header = new HorizontalLayout(title, mode, date);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("flex-wrap", "wrap");
        title.setId("venue-title");

        admitted = new Tile(getTranslation("live.admitted"), "total-admitted");
        refused = new Tile(getTranslation("live.refused"), "total-refused");
        rate = new Tile(getTranslation("live.refusalRate"), "total-rate");
        arrivals = new Tile(getTranslation("live.arrivals5m"), "total-arrivals");
        online = new Tile(getTranslation("live.onlineGates"), "total-online");
        nonConforming = new Tile(getTranslation("live.nonConforming"), "total-nonconforming");
        Div tiles = new Div(admitted, refused, rate, arrivals, online, nonConforming);
        tiles.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        warnings.setId("venue-warnings");

        reasons.setId("by-reason");
        roles = new RoleTable(this::getTranslation);
        Div byReason = section("live.byReason", reasons);
        byReason.setWidth("22rem");
        Div byRole = section("live.byRole", roles);
        byRole.setWidth("28rem");
        HorizontalLayout breakdowns = new HorizontalLayout(byReason, byRole);
        breakdowns.getStyle().set("flex-wrap", "wrap");

        hourly.setId("hourly-chart");
        hourly.setOptions(Map.of("plugins", Map.of("legend", Map.of("position", "bottom"))));
        hourly.setTextAlternative(getTranslation("live.hourly.description"), getTranslation("live.hourly"),
                getTranslation("live.hourly.hour"));
        gates = new GateTable();
        devices = new DeviceTable();
        Badges.style(warnings, "error");
        policyNotice.setId("policy-notice");
        policyNotice.setVisible(false);
        Badges.style(policyNotice, "contrast");
        add(header, warnings, policyNotice, tiles, section("live.hourly", hourly), breakdowns, section("live.gates", gates),
                section("live.devices", devices));
    }

    /** A heading and what it heads; a table is named after its heading, for screen readers. */
    private Div section(String key, com.vaadin.flow.component.Component content) {
        H3 h = new H3(getTranslation(key));
        if (content instanceof GbTable table) {
            table.setCaption(h.getText());
        }
        h.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "var(--lumo-space-s) 0");
        Div d = new Div(h, content);
        d.setWidthFull();
        d.getStyle().set("max-width", "72rem");
        return d;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        if (id == null || !live.canSee(id)) {
            subscription.drop();
            event.rerouteToError(NotFoundException.class, getTranslation("venue.error.notFound"));
            return;
        }
        venueId = id;
        day = DateParameter.read(event.getLocation().getQueryParameters(), live.today());
        date.setMax(live.today());
        date.setValue(day);
        show(screens.apply(live.venue(venueId, day)));
        List<PolicyParameter> overridden = policies.baselineOverrides(venueId);
        policyNotice.setVisible(!overridden.isEmpty());
        policyNotice.setText(getTranslation("policy.notice.baselineOverrides", overridden.stream()
                .map(p -> getTranslation(p.labelKey())).collect(Collectors.joining(", "))));
        getUI().ifPresent(subscription::renew);
    }

    /** Shows a venue's day, setting only what differs from what the view shows already. */
    private void show(VenueScreen screen) {
        VenueScreen before = shown;
        shown = screen;
        venueName = screen.title();
        if (changed(before, screen, VenueScreen::title)) {
            title.setText(screen.title());
        }
        if (changed(before, screen, VenueScreen::mode)) {
            mode.setText(screen.mode());
            Badges.style(mode, screen.live() ? "success" : "contrast");
        }
        if (screen.live() && !screen.date().equals(day)) {
            // midnight passed with the wall screen open: the counts are the new day's
            day = screen.date();
            DatePickers.movedOnTo(date, day);
        }
        admitted.set(screen.admitted());
        refused.set(screen.refused());
        rate.set(screen.rate());
        arrivals.set(screen.arrivals());
        online.set(screen.online());
        nonConforming.set(screen.nonConforming());
        if (changed(before, screen, VenueScreen::warnings)) {
            warnings.setVisible(!screen.warnings().isEmpty());
            warnings.setText(screen.warnings());
        }
        if (changed(before, screen, VenueScreen::reasons)) {
            reasons.setRows(screen.reasons());
        }
        if (changed(before, screen, VenueScreen::roles)) {
            roles.setRows(screen.roles());
        }
        if (changed(before, screen, s -> s.hourly().json())) {
            hourly.setData(screen.hourly());
        }
        if (changed(before, screen, VenueScreen::gateColumns) || changed(before, screen, VenueScreen::gates)) {
            gates.show(screen.gateColumns(), screen.gates());
        }
        if (changed(before, screen, VenueScreen::deviceColumns) || changed(before, screen, VenueScreen::devices)) {
            devices.show(screen.deviceColumns(), screen.devices());
        }
    }

    private static boolean changed(VenueScreen before, VenueScreen now, Function<VenueScreen, Object> part) {
        return before == null || !part.apply(before).equals(part.apply(now));
    }

    @Override
    public String getPageTitle() {
        return venueName + " | " + getTranslation("app.title");
    }
}
