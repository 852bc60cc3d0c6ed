package org.gateboard.refusal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.refusal.RetentionRun;
import org.gateboard.refusal.RetentionService;

import java.time.ZoneId;

/** Admins: the retention setting, the latest runs and what each removed, and a button to run it now. */
@Route("admin/retention")
@Menu(order = 91, icon = "vaadin:eraser", title = "refusal.retention.menu")
@RolesAllowed(Role.Names.ADMIN)
class RetentionView extends VerticalLayout implements HasDynamicTitle {

    final Paragraph setting = new Paragraph();
    final Button run = new Button();
    final Grid<RetentionRun> runs = new Grid<>();

    RetentionView(RetentionService retention, ZoneId venueZone) {
        setting.setText(getTranslation("refusal.retention.setting", retention.period().toDays(),
                retention.batchSize()));
        run.setText(getTranslation("refusal.retention.run"));
        runs.addThemeVariants(GridVariant.LUMO_COMPACT);
        runs.addColumn(r -> Texts.time(r.startedAt(), venueZone)).setHeader(getTranslation("refusal.retention.started"));
        runs.addColumn(r -> r.finishedAt() == null ? getTranslation("refusal.retention.unfinished")
                : Texts.time(r.finishedAt(), venueZone)).setHeader(getTranslation("refusal.retention.finished"));
        runs.addColumn(r -> Texts.time(r.cutoff(), venueZone)).setHeader(getTranslation("refusal.retention.cutoff"));
        runs.addColumn(RetentionRun::verdictsPurged).setHeader(getTranslation("refusal.retention.verdicts"));
        runs.addColumn(RetentionRun::looksPurged).setHeader(getTranslation("refusal.retention.looks"));
        runs.addColumn(RetentionRun::triggeredBy).setHeader(getTranslation("refusal.retention.by"));
        runs.setItems(retention.runs(30));
        run.addClickListener(e -> {
            RetentionRun r = retention.run();
            RefusalsView.notify(getTranslation("refusal.retention.done", r.verdictsPurged(), r.looksPurged()), true);
            runs.setItems(retention.runs(30));
        });
        add(new H2(getTranslation("refusal.retention.title")), setting, run, runs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refusal.retention.title");
    }
}
