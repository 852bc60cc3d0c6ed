package org.gateboard.security;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The side navigation offers each role only what it may open, and typing a URL does not get further. */
class RoleNavigationTest extends UiTest {

    @Test
    void anAdminSeesTheDashboardRegistryUsersAuditAndRetention() {
        login("admin", "admin123");
        navigate("");

        assertThat(menuPaths()).containsExactly("", "posters", "policy", "admin/venues", "admin/users",
                "admin/stats-tokens", "admin/audit", "admin/retention");
    }

    @Test
    void anOfficialSeesNoneOfTheAdminPages() {
        login("official", "official123");
        navigate("");

        assertThat(menuPaths()).contains("", "refusals", "refusals/queue", "refusals/looks")
                .doesNotContain("admin/users", "admin/venues", "admin/audit", "admin/retention");
    }

    @Test
    void aManagerSeesTheDashboardTheirPostersRefusalsAndPolicy() {
        login("manager", "manager123");
        navigate("");

        assertThat(menuPaths()).containsExactly("", "posters", "refusals", "refusals/queue", "policy");
    }

    @Test
    void aManagerOrOfficialTypingTheUsersAdminUrlGetsTheAccessDeniedPage() {
        login("manager", "manager123");
        navigate("admin/users");
        assertThat(errorTitle()).isEqualTo("无权访问");

        login("official", "official123");
        navigate("admin/users");
        assertThat(errorTitle()).isEqualTo("无权访问");
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageInTheShell() {
        login("official", "official123");
        // typed into the address bar: UI.navigate would hand an unknown path to the client-side router instead
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location("no/such/page"), NavigationTrigger.PAGE_LOAD);

        assertThat(errorTitle()).isEqualTo("未找到");
        LocatorJ._get(SideNav.class);
    }

    private static List<String> menuPaths() {
        return LocatorJ._get(SideNav.class).getItems().stream().map(SideNavItem::getPath)
                .map(p -> p == null ? "" : p.replaceFirst("^/", "")).toList();
    }

    private static String errorTitle() {
        return LocatorJ._get(H2.class, spec -> spec.withId("error-title")).getText();
    }
}
