package org.gateboard.live.ui;

import com.vaadin.flow.i18n.I18NProvider;
import org.gateboard.base.ui.GbTable;
import org.gateboard.live.VenueSummary;
import org.gateboard.live.VenueWarning;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A venue's card on the city overview, already translated and formatted for one language: its figures as the
 * JSON the browser receives and its warning badge. Built once per push round and language ({@link Maker}) and
 * handed to every open overview, which only sets what changed since its last push ({@link CityOverviewView}).
 * The summary stays beside it for filtering and sorting.
 */
record CardScreen(VenueSummary summary, GbTable.Rows figures, String warning, String warningTone) {

    /**
     * Builds cards in one language. Two makers of the same language are equal, so the live updates build one
     * card per venue and round for all the overviews that read that language.
     */
    record Maker(I18NProvider i18n, Locale locale, ZoneId zone) implements Function<VenueSummary, CardScreen> {

        @Override
        public CardScreen apply(VenueSummary s) {
            Texts texts = (key, args) -> i18n.getTranslation(key, locale, args);
            Formats formats = new Formats(locale, zone);
            GbTable.Rows figures = GbTable.Rows.of(List.of(
                    GbTable.figure(texts.get("live.admitted"), formats.count(s.admitted())),
                    GbTable.figure(texts.get("live.refused"), formats.count(s.refused())),
                    GbTable.figure(texts.get("live.refusalRate"), formats.percent(s.refusalRate())),
                    GbTable.figure(texts.get("live.arrivals5m"), s.arrivalsPerMinute() == null ? "–"
                            : texts.get("live.perMinute", formats.decimal(s.arrivalsPerMinute()))),
                    GbTable.figure(texts.get("live.onlineGates"), s.onlineGates() == null ? "– / " + s.gates()
                            : s.onlineGates() + " / " + s.gates())));
            String tone = s.warnings().contains(VenueWarning.QUEUE) || s.warnings().contains(VenueWarning.DEVICE_OFFLINE)
                    ? "error" : "warning";
            return new CardScreen(s, figures, VenueScreen.warnings(s, texts), tone);
        }
    }

    long venueId() {
        return summary.venue().id();
    }
}
