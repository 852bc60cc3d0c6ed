package org.gateboard.poster.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.gateboard.poster.PosterVersion;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiFunction;

/** A venue's published versions, newest first: who, when, why, and which fields changed. */
class HistoryGrid extends Grid<PosterVersion> {

    HistoryGrid(BiFunction<String, Object[], String> t, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        setId("poster-history");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(v -> "v" + v.version()).setHeader(t.apply("poster.version", new Object[0])).setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(v -> time.format(v.publishedAt())).setHeader(t.apply("poster.publishedAt", new Object[0]))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(PosterVersion::publishedBy).setHeader(t.apply("poster.publishedBy", new Object[0]))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(PosterVersion::reason).setHeader(t.apply("poster.reason", new Object[0])).setFlexGrow(1);
        addColumn(v -> v.changes().isEmpty() ? "–" : String.join(", ", v.changes()))
                .setHeader(t.apply("poster.changes", new Object[0])).setFlexGrow(2);
        addColumn(v -> v.contentHash().substring(0, 8)).setHeader(t.apply("poster.hash", new Object[0]))
                .setAutoWidth(true).setFlexGrow(0);
    }
}
