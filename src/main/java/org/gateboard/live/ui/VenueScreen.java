package org.gateboard.live.ui;

import com.vaadin.flow.i18n.I18NProvider;
import org.gateboard.base.ui.GbChart;
import org.gateboard.base.ui.GbTable;
import org.gateboard.live.HourCount;
import org.gateboard.live.VenueStats;
import org.gateboard.live.VenueSummary;
import org.gateboard.live.VenueWarning;
import org.gateboard.verdict.RefusalReason;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the venue view shows of one venue's day, already translated and formatted for one language: the
 * texts of its tiles and badges, its tables and its chart as the JSON the browser receives. Built once per push
 * round and language ({@link Maker}) and handed to every open view of the venue, which only sets what changed
 * since its last push ({@link VenueView}).
 */
record VenueScreen(long venueId, LocalDate date, boolean live, String title, String mode, String admitted,
                   String refused, String rate, String arrivals, String online, String nonConforming,
                   String warnings, GbTable.Rows reasons, GbTable.Rows roles, GbChart.Data hourly,
                   GbTable.Columns gateColumns, GbTable.Rows gates, GbTable.Columns deviceColumns,
                   GbTable.Rows devices) {

    /**
     * Builds the screen in one language. Two makers of the same language are equal, so the live updates build
     * one screen per venue and round for all the views that read that language.
     */
    record Maker(I18NProvider i18n, Locale locale, ZoneId zone) implements Function<VenueStats, VenueScreen> {

        @Override
        public VenueScreen apply(VenueStats stats) {
            Texts texts = (key, args) -> i18n.getTranslation(key, locale, args);
            Formats formats = new Formats(locale, zone);
            VenueSummary s = stats.summary();
            boolean live = stats.live();
            List<HourCount> hours = stats.hourly();
            return new VenueScreen(stats.venue().id(), stats.date(), live, stats.venue().name(locale),
                    texts.get(live ? "live.mode.live" : "live.mode.past"),
                    formats.count(s.admitted()), formats.count(s.refused()), formats.percent(s.refusalRate()),
                    s.arrivalsPerMinute() == null ? "–"
                            : texts.get("live.perMinute", formats.decimal(s.arrivalsPerMinute())),
                    s.onlineGates() == null ? "– / " + s.gates() : s.onlineGates() + " / " + s.gates(),
                    formats.count(s.nonConforming()), warnings(s, texts),
                    GbTable.Rows.of(Arrays.stream(RefusalReason.values()).map(r -> GbTable.figure(
                            texts.get("verdict.reason." + r.name()),
                            formats.count(stats.refusalsByReason().getOrDefault(r, 0L)))).toList()),
                    RoleTable.rows(stats.byRole(), texts, formats),
                    GbChart.Data.of(hours.stream()
                                    .map(h -> texts.get("live.hour", String.format("%02d", h.hour()))).toList(),
                            List.of(new GbChart.Dataset(texts.get("live.admitted"),
                                            hours.stream().map(HourCount::admitted).toList(), "success"),
                                    new GbChart.Dataset(texts.get("live.refused"),
                                            hours.stream().map(HourCount::refused).toList(), "error"))),
                    GateTable.columns(live, texts), GateTable.rows(stats.gates(), live, texts, formats),
                    DeviceTable.columns(live, texts), DeviceTable.rows(stats.devices(), live, stats.date(), texts,
                            formats));
        }
    }

    /** A summary's warnings as one line ("" when there are none), in the order of {@link VenueWarning}. */
    static String warnings(VenueSummary s, Texts texts) {
        return s.warnings().stream().sorted().map(w -> texts.get("live.warning." + w.name()))
                .collect(Collectors.joining(" · "));
    }
}
