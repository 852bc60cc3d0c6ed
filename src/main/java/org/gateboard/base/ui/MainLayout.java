package org.gateboard.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The shell around every signed-in view: title, navigation (only the views the person's role may open,
 * from each view's {@code @Menu}, whose title is a message key), the person's name, language and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;
    private final transient UserPreferences preferences;
    private final SideNav nav = new SideNav();

    MainLayout(AuthenticationContext authentication, UserPreferences preferences) {
        this.authentication = authentication;
        this.preferences = preferences;
        setPrimarySection(Section.DRAWER);

        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "var(--lumo-space-m)");
        addToDrawer(title, nav);
        nav.setId("main-nav");

        String username = authentication.getPrincipalName().orElse("");
        Span who = new Span(new Icon(VaadinIcon.USER), new Span(preferences.displayName(username)));
        who.setId("current-user");
        who.getStyle().set("display", "inline-flex").set("gap", "var(--lumo-space-s)").set("align-items", "center");
        Button logout = new Button(getTranslation("app.logout"), new Icon(VaadinIcon.SIGN_OUT),
                e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), new Span(), who,
                new LanguageSwitch(preferences), logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(1));
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
    }

    @Override
    protected void afterNavigation() {
        super.afterNavigation();
        if (nav.getItems().isEmpty()) {
            for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
                SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
                if (entry.icon() != null) {
                    item.setPrefixComponent(new Icon(entry.icon()));
                }
                nav.addItem(item);
            }
        }
    }
}
