package org.gateboard.live.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.gateboard.live.GateStats;

import java.util.List;

/** Per gate: counts, and for today the arrival rate, median check time, queue warning and online state. */
class GateGrid extends Grid<GateStats> {

    private final List<Column<GateStats>> liveColumns;

    GateGrid(Texts texts, Formats formats) {
        setId("gates");
        addColumn(g -> g.gate().code() + " " + g.gate().name(getLocale())).setHeader(texts.get("live.gate"))
                .setFlexGrow(2);
        addColumn(g -> formats.count(g.admitted())).setHeader(texts.get("live.admitted"));
        addColumn(g -> formats.count(g.refused())).setHeader(texts.get("live.refused"));
        liveColumns = List.of(
                addColumn(g -> formats.decimal(g.arrivalsPerMinute())).setHeader(texts.get("live.gate.arrivals")),
                addColumn(g -> g.medianCheckSeconds() == null ? "–"
                        : texts.get("live.seconds", formats.decimal(g.medianCheckSeconds())))
                        .setHeader(texts.get("live.gate.medianCheck")),
                addColumn(Badges.<GateStats>renderer(g -> g.queueWarning()
                        ? new Badges.Label(texts.get("live.gate.queue"), "error") : new Badges.Label("", null)))
                        .setHeader(texts.get("live.gate.queueHeader")),
                addColumn(Badges.<GateStats>renderer(g -> g.online()
                        ? new Badges.Label(texts.get("live.online"), "success")
                        : new Badges.Label(texts.get("live.offline"), "error"))).setHeader(texts.get("live.status")));
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    }

    void show(List<GateStats> rows, boolean live) {
        liveColumns.forEach(c -> c.setVisible(live));
        setItems(rows);
    }
}
