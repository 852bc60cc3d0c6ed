package org.gateboard.live.ui;

import org.gateboard.base.ui.GbTable;
import org.gateboard.live.GateStats;

import java.util.ArrayList;
import java.util.List;

/** Per gate: counts, and for today the arrival rate, median check time, queue warning and online state. */
class GateTable extends GbTable {

    GateTable() {
        super(List.of());
        setId("gates");
    }

    /** Shows columns and rows built by {@link #columns} and {@link #rows}; what did not change is not sent. */
    void show(Columns columns, Rows rows) {
        setColumns(columns);
        setRows(rows);
    }

    static Columns columns(boolean live, Texts texts) {
        List<Column> columns = new ArrayList<>(List.of(Column.text(texts.get("live.gate")),
                Column.number(texts.get("live.admitted")), Column.number(texts.get("live.refused"))));
        if (live) {
            columns.addAll(List.of(Column.number(texts.get("live.gate.arrivals")),
                    Column.number(texts.get("live.gate.medianCheck")), Column.text(texts.get("live.gate.queueHeader")),
                    Column.text(texts.get("live.status"))));
        }
        return Columns.of(columns);
    }

    static Rows rows(List<GateStats> gates, boolean live, Texts texts, Formats formats) {
        return Rows.of(gates.stream().map(g -> row(g, live, texts, formats)).toList());
    }

    private static List<Cell> row(GateStats g, boolean live, Texts texts, Formats formats) {
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
