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
import org.gateboard.live.HourCount;
import org.gateboard.live.LiveStatsService;
import org.gateboard.live.VenueStats;
import org.gateboard.live.VenueSummary;
import org.gateboard.policy.PolicyParameter;
import org.gateboard.policy.PolicyService;
import org.gateboard.verdict.RefusalReason;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    private final Formats formats;
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
    /** Today's figures follow the live counts; a past day does not change, so it needs no subscription. */
    private final LiveSubscription subscription;

    /** A stricter city baseline overrides this venue's own policy values: its managers are told. */
    private final Span policyNotice = new Span();
    private final PolicyService policies;

    VenueView(LiveStatsService live, CurrentUser currentUser, ZoneId venueZone, PolicyService policies) {
        this.live = live;
        this.policies = policies;
        if (currentUser.get().filter(SignedInUser::wallScreen).isPresent()) {
            WallScreen.keepSignedIn(this);
        }
        this.subscription = new LiveSubscription(this, () -> day != null && day.equals(live.today()),
                ui -> live.subscribeVenue(venueId, stats -> ui.access(() -> show(stats))));
        this.formats = new Formats(getLocale(), venueZone);
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
        roles = new RoleTable(this::getTranslation, formats);
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
        gates = new GateTable(this::getTranslation, formats);
        devices = new DeviceTable(this::getTranslation, formats, live::today);
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
        show(live.venue(venueId, day));
        List<PolicyParameter> overridden = policies.baselineOverrides(venueId);
        policyNotice.setVisible(!overridden.isEmpty());
        policyNotice.setText(getTranslation("policy.notice.baselineOverrides", overridden.stream()
                .map(p -> getTranslation(p.labelKey())).collect(Collectors.joining(", "))));
        getUI().ifPresent(subscription::renew);
    }

    private void show(VenueStats stats) {
        VenueSummary s = stats.summary();
        venueName = stats.venue().name(getLocale());
        title.setText(venueName);
        mode.setText(stats.live() ? getTranslation("live.mode.live") : getTranslation("live.mode.past"));
        Badges.style(mode, stats.live() ? "success" : "contrast");
        if (stats.live() && !stats.date().equals(day)) {
            // midnight passed with the wall screen open: the counts are the new day's
            day = stats.date();
            DatePickers.movedOnTo(date, day);
        }
        admitted.set(formats.count(s.admitted()));
        refused.set(formats.count(s.refused()));
        rate.set(formats.percent(s.refusalRate()));
        arrivals.set(s.arrivalsPerMinute() == null ? "–"
                : getTranslation("live.perMinute", formats.decimal(s.arrivalsPerMinute())));
        online.set(s.onlineGates() == null ? "– / " + s.gates() : s.onlineGates() + " / " + s.gates());
        nonConforming.set(formats.count(s.nonConforming()));
        warnings.setVisible(!s.warnings().isEmpty());
        warnings.setText(s.warnings().stream().map(w -> getTranslation("live.warning." + w.name()))
                .collect(Collectors.joining(" · ")));
        Badges.style(warnings, "error");
        reasons.setRows(Arrays.stream(RefusalReason.values()).map(r -> GbTable.figure(
                getTranslation("verdict.reason." + r.name()),
                formats.count(stats.refusalsByReason().getOrDefault(r, 0L)))).toList());
        roles.show(stats.byRole());
        List<HourCount> hours = stats.hourly();
        hourly.setData(hours.stream().map(h -> getTranslation("live.hour", String.format("%02d", h.hour()))).toList(),
                List.of(new GbChart.Dataset(getTranslation("live.admitted"),
                                hours.stream().map(HourCount::admitted).toList(), "success"),
                        new GbChart.Dataset(getTranslation("live.refused"),
                                hours.stream().map(HourCount::refused).toList(), "error")));
        gates.show(stats.gates(), stats.live());
        devices.show(stats.devices(), stats.live());
    }

    @Override
    public String getPageTitle() {
        return venueName + " | " + getTranslation("app.title");
    }
}
