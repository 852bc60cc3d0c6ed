package org.gateboard.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.gateboard.security.AccessMatrix.Who;
import org.gateboard.security.ui.LoginView;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix in the UI (Karibu, the real Spring context and access control): every Vaadin route
 * opened by anonymous, an admin, an official and the managers of venue A and of venue B, as if typed into
 * the address bar. A route is reached when its own view is shown, or a view it forwards to that the same
 * caller may reach; refused when the login page or an error page (access denied, not found) is shown.
 */
class RouteAccessMatrixTest extends UiTest {

    private static final List<Who> CALLERS = List.of(Who.ANONYMOUS, Who.ADMIN, Who.OFFICIAL, Who.MANAGER_A,
            Who.MANAGER_B);

    @Test
    void everyRouteIsDeclaredAndReachesExactlyWhomItsDeclarationNames() {
        Map<String, Class<? extends Component>> routes = new HashMap<>();
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            routes.put(AccessMatrixFixture.routeKey(route.getTemplate()), route.getNavigationTarget());
        }
        Set<String> declared = new TreeSet<>(AccessMatrix.ROUTES.keySet());
        declared.addAll(AccessMatrix.ROUTES_NOT_TRIED.keySet());
        assertThat(AccessMatrix.undeclared(routes.keySet(), declared, "Vaadin routes")).isEmpty();

        AccessMatrixFixture fixture = new AccessMatrixFixture(context);
        List<String> failures = new ArrayList<>();
        for (String key : new TreeSet<>(routes.keySet())) {
            if (AccessMatrix.ROUTES_NOT_TRIED.containsKey(key)) {
                continue;
            }
            String location = fixture.routeLocation(key);
            for (Who who : CALLERS) {
                newBrowserSession();
                if (who != Who.ANONYMOUS) {
                    login(fixture.usernames.get(who), TestAccounts.PASSWORD);
                }
                Component shown = open(location);
                boolean reached = reached(shown, routes.get(key));
                String failure = AccessMatrix.judge(who, key, AccessMatrix.ROUTES.get(key), reached,
                        "/" + location + " showed " + ClassUtils.getUserClass(shown).getSimpleName());
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        assertThat(failures).as("access matrix, routes").isEmpty();
    }

    /** As typed into the address bar (a page load), answering the view it ends on. */
    private static Component open(String location) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(location), NavigationTrigger.PAGE_LOAD);
        return (Component) ui.getInternals().getActiveRouterTargetsChain().get(0);
    }

    /**
     * Its own view, or a view it forwards to (the overview sends a manager of one venue to that venue's page,
     * which is tried as a route of its own); not the login page or an error page.
     */
    private static boolean reached(Component shown, Class<? extends Component> target) {
        Class<?> view = ClassUtils.getUserClass(shown);
        return view == target || !(shown instanceof HasErrorParameter<?>) && !(shown instanceof LoginView);
    }
}
