package org.gateboard.live.ui;

import org.gateboard.base.ui.GbTable;
import org.gateboard.live.RoleCount;

import java.util.List;

/** Admitted and refused per person role. */
class RoleTable extends GbTable {

    RoleTable(Texts texts) {
        super(List.of(Column.text(texts.get("live.role")), Column.number(texts.get("live.admitted")),
                Column.number(texts.get("live.refused"))));
        setId("by-role");
        setWidth("26rem");
    }

    static Rows rows(List<RoleCount> rows, Texts texts, Formats formats) {
        return Rows.of(rows.stream().map(r -> List.of(Cell.of(texts.get("verdict.role." + r.role().name())),
                Cell.of(formats.count(r.admitted())), Cell.of(formats.count(r.refused())))).toList());
    }
}
