package org.gateboard.live.ui;

import org.gateboard.base.ui.GbTable;
import org.gateboard.live.RoleCount;

import java.util.List;

/** Admitted and refused per person role. */
class RoleTable extends GbTable {

    private final Texts texts;
    private final Formats formats;

    RoleTable(Texts texts, Formats formats) {
        super(List.of(Column.text(texts.get("live.role")), Column.number(texts.get("live.admitted")),
                Column.number(texts.get("live.refused"))));
        this.texts = texts;
        this.formats = formats;
        setId("by-role");
        setWidth("26rem");
    }

    void show(List<RoleCount> rows) {
        setRows(rows.stream().map(r -> List.of(Cell.of(texts.get("verdict.role." + r.role().name())),
                Cell.of(formats.count(r.admitted())), Cell.of(formats.count(r.refused())))).toList());
    }
}
