package org.gateboard.refusal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.refusal.Look;
import org.gateboard.refusal.RefusalService;

import java.time.ZoneId;

/** Officials: who opened, searched or exported the data of the person with a given ID number. */
@Route("refusals/looks")
@Menu(order = 42, icon = "vaadin:eye", title = "refusal.looks.menu")
@RolesAllowed(Role.Names.OFFICIAL)
class LooksView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField idNumber = new PasswordField();
    final Button find = new Button();
    final Grid<Look> grid = new Grid<>();
    final Span error = new Span();

    LooksView(RefusalService refusals, ZoneId venueZone) {
        idNumber.setLabel(getTranslation("refusal.filter.idNumber"));
        idNumber.setRevealButtonVisible(false);
        idNumber.getElement().setAttribute("autocomplete", "off");
        find.setText(getTranslation("refusal.looks.find"));
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(l -> Texts.time(l.lookedAt(), venueZone)).setHeader(getTranslation("refusal.col.time"));
        grid.addColumn(Look::actor).setHeader(getTranslation("refusal.looks.actor"));
        grid.addColumn(l -> getTranslation("refusal.looks.kind." + l.kind())).setHeader(getTranslation("refusal.looks.kind"));
        grid.addColumn(l -> Texts.orDash(l.rows())).setHeader(getTranslation("refusal.looks.rows"));
        find.addClickListener(e -> {
            try {
                grid.setItems(refusals.looksAt(idNumber.getValue()));
                error.setText("");
            } catch (UserFacingException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        HorizontalLayout bar = new HorizontalLayout(idNumber, find, error);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("refusal.looks.title")), bar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refusal.looks.title");
    }
}
