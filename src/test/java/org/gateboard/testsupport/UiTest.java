package org.gateboard.testsupport;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A browserless UI test (Karibu-Testing) on the real Spring context and database. {@link #login} signs in
 * through the application's own authentication manager, as the login form does (so wrong passwords count
 * towards a lock), then makes Vaadin's access control see that person.
 */
public abstract class UiTest extends DatabaseTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext context;
    @Autowired
    private AuthenticationConfiguration authentication;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in with a real password check; throws the authentication failure like the login form would see. */
    protected Authentication login(String username, String password) {
        Authentication auth;
        try {
            auth = authentication.getAuthenticationManager()
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        SecurityContextHolder.getContext().setAuthentication(auth);
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).collect(Collectors.toSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> roles.contains(role));
        return auth;
    }

    /**
     * The browser loads the page anew, as it does after the login form: a new UI is set up for the signed-in
     * person (with their language), at the same location.
     */
    protected static void reloadPage() {
        UI.getCurrent().getPage().reload();
    }

    /** A new browser session: nobody signed in, a fresh UI. */
    protected void newBrowserSession() {
        tearDownVaadin();
        setUpVaadin();
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((principal, role) -> false);
    }

    /**
     * Karibu's own discovery skips package-private classes, and our views are package-private by design;
     * so find every {@code @Route} and {@code @Layout} class, and every error view, with Spring's scanner instead.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        Set<Class<? extends Component>> views = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.gateboard")) {
            views.add((Class<? extends Component>) ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
        }
        ClassPathScanningCandidateComponentProvider errorScanner = new ClassPathScanningCandidateComponentProvider(false);
        errorScanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        Set<Class<? extends HasErrorParameter<?>>> errorViews = new HashSet<>();
        for (BeanDefinition candidate : errorScanner.findCandidateComponents("org.gateboard")) {
            errorViews.add((Class<? extends HasErrorParameter<?>>) ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), null));
        }
        return new Routes(views, errorViews, true);
    }

    protected static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
