package org.gateboard.live.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The start page: the live dashboard. */
@Route("")
@Menu(order = 0, icon = "vaadin:dashboard", title = "live.menu")
@PermitAll
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    DashboardView() {
        add(new H2(getTranslation("live.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("live.title");
    }
}
