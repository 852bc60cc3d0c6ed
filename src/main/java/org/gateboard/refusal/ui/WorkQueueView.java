package org.gateboard.refusal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.refusal.QueueEntry;
import org.gateboard.refusal.RefusalService;

import java.util.Map;

/** Unreviewed refusals of the last week by venue and age, the longest-waiting first; a row opens them. */
@Route("refusals/queue")
@Menu(order = 41, icon = "vaadin:tasks", title = "refusal.queue.menu")
@RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
class WorkQueueView extends VerticalLayout implements HasDynamicTitle {

    final Grid<QueueEntry> grid = new Grid<>();

    WorkQueueView(RefusalService refusals) {
        setSizeFull();
        grid.setId("refusal-queue");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(q -> q.venue().code() + " " + q.venue().name(getLocale()))
                .setHeader(getTranslation("refusal.col.venue")).setFlexGrow(2);
        grid.addColumn(QueueEntry::underOneDay).setHeader(getTranslation("refusal.queue.underOneDay"));
        grid.addColumn(QueueEntry::oneToThreeDays).setHeader(getTranslation("refusal.queue.oneToThree"));
        grid.addColumn(QueueEntry::older).setHeader(getTranslation("refusal.queue.older"));
        grid.addColumn(QueueEntry::total).setHeader(getTranslation("refusal.queue.total"));
        grid.setItems(refusals.queue());
        grid.addItemClickListener(e -> UI.getCurrent().navigate("refusals", QueryParameters.simple(
                Map.of("venue", e.getItem().venue().code(), "status", "UNREVIEWED"))));
        add(new H2(getTranslation("refusal.queue.title")), new Paragraph(getTranslation("refusal.queue.help")), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refusal.queue.title");
    }
}
