package org.gateboard.live.ui;

import org.gateboard.base.ui.GbTable;
import org.gateboard.live.GateStats;

import java.util.ArrayList;
import java.util.List;

/** Per gate: counts, and for today the arrival rate, median check time, queue warning and online state. */
class GateTable extends GbTable {

    private final Texts texts;
    private final Formats formats;

    GateTable(Texts texts, Formats formats) {
        super(List.of());
        this.texts = texts;
        this.formats = formats;
        setId("gates");
    }

    void show(List<GateStats> gates, boolean live) {
        // the same columns again change nothing in the browser: a push sends a property only when it differs
        List<Column> columns = new ArrayList<>(List.of(Column.text(texts.get("live.gate")),
                Column.number(texts.get("live.admitted")), Column.number(texts.get("live.refused"))));
        if (live) {
            columns.addAll(List.of(Column.number(texts.get("live.gate.arrivals")),
                    Column.number(texts.get("live.gate.medianCheck")), Column.text(texts.get("live.gate.queueHeader")),
                    Column.text(texts.get("live.status"))));
        }
        setColumns(columns);
        setRows(gates.stream().map(g -> row(g, live)).toList());
    }

    private List<Cell> row(GateStats g, boolean live) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(g.gate().code() + " " + g.gate().name(formats.locale())),
                Cell.of(formats.count(g.admitted())), Cell.of(formats.count(g.refused()))));
        if (live) {
            cells.add(Cell.of(formats.decimal(g.arrivalsPerMinute())));
            cells.add(Cell.of(g.medianCheckSeconds() == null ? "–"
                    : texts.get("live.seconds", formats.decimal(g.medianCheckSeconds()))));
            cells.add(g.queueWarning() ? Cell.badge(texts.get("live.gate.queue"), "error") : Cell.of(""));
            cells.add(g.online() ? Cell.badge(texts.get("live.online"), "success")
                    : Cell.badge(texts.get("live.offline"), "error"));
        }
        return cells;
    }
}
