package org.gateboard.live.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.gateboard.live.RoleCount;

import java.util.List;

/** Admitted and refused per person role. */
class RoleTable extends Grid<RoleCount> {

    RoleTable(Texts texts, Formats formats) {
        setId("by-role");
        addColumn(r -> texts.get("live.role." + r.role().name())).setHeader(texts.get("live.role"));
        addColumn(r -> formats.count(r.admitted())).setHeader(texts.get("live.admitted"));
        addColumn(r -> formats.count(r.refused())).setHeader(texts.get("live.refused"));
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        setWidth("26rem");
    }

    void show(List<RoleCount> rows) {
        setItems(rows);
    }
}
