package org.gateboard.security;

import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import org.gateboard.security.AccessMatrix.Who;
import org.gateboard.testsupport.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix over real HTTP: every endpoint Spring MVC maps (controllers, actuator, OpenAPI) for all
 * six callers, with HTTP Basic and bearer tokens through the real filter chains; and every Vaadin route the
 * running servlet registered, for the callers without a session (anonymous, a device). The signed-in side
 * of the routes is {@link RouteAccessMatrixTest}.
 */
class EndpointAccessMatrixTest extends HttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ApplicationContext context;
    @Autowired
    private ServletContext servletContext;

    @Test
    void everyEndpointIsDeclaredAndReachesExactlyWhomItsDeclarationNames() throws Exception {
        Set<String> endpoints = endpoints();
        assertThat(AccessMatrix.undeclared(endpoints, AccessMatrix.ENDPOINTS.keySet(), "Endpoints")).isEmpty();

        AccessMatrixFixture fixture = new AccessMatrixFixture(context);
        List<String> failures = new ArrayList<>();
        for (String key : endpoints) {
            String method = key.substring(0, key.indexOf(' '));
            String path = fixture.endpointPath(key.substring(key.indexOf(' ') + 1));
            for (Who who : Who.values()) {
                HttpResponse<String> response = send(method, path, who, fixture);
                String failure = AccessMatrix.judge(who, key, AccessMatrix.ENDPOINTS.get(key), reached(response),
                        method + " " + path + " answered " + response.statusCode() + location(response));
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        assertThat(failures).as("access matrix, endpoints").isEmpty();
    }

    @Test
    void everyRouteIsDeclaredAndRefusesCallersWithoutASession() throws Exception {
        Set<String> routes = new TreeSet<>();
        for (RouteData route : ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext))
                .getRegisteredRoutes()) {
            routes.add(AccessMatrixFixture.routeKey(route.getTemplate()));
        }
        Set<String> declared = new TreeSet<>(AccessMatrix.ROUTES.keySet());
        declared.addAll(AccessMatrix.ROUTES_NOT_TRIED.keySet());
        assertThat(AccessMatrix.undeclared(routes, declared, "Vaadin routes")).isEmpty();

        AccessMatrixFixture fixture = new AccessMatrixFixture(context);
        List<String> failures = new ArrayList<>();
        for (String key : routes) {
            if (AccessMatrix.ROUTES_NOT_TRIED.containsKey(key)) {
                continue;
            }
            String path = "/" + fixture.routeLocation(key);
            for (Who who : List.of(Who.ANONYMOUS, Who.DEVICE)) {
                HttpResponse<String> response = send("GET", path, who, fixture);
                String failure = AccessMatrix.judge(who, key, AccessMatrix.ROUTES.get(key), reached(response),
                        "GET " + path + " answered " + response.statusCode() + location(response));
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        assertThat(failures).as("access matrix, routes without a session").isEmpty();
    }

    /** Every mapping of every request-mapping handler mapping: controllers, actuator endpoints, springdoc. */
    private Set<String> endpoints() {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> keys.add(m + " " + pattern));
                }
            }
        }
        return keys;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(l -> " to " + l).orElse("");
    }

    /**
     * Refused means 401, 403, 404 (a venue or refusal someone may not see is answered as if it did not exist)
     * or a redirect to the login page; anything else reached the handler. The table fills every variable with
     * things that exist, so 404 is never the answer to a caller who may reach them.
     */
    private static boolean reached(HttpResponse<String> response) {
        int status = response.statusCode();
        boolean toLogin = status / 100 == 3
                && response.headers().firstValue("Location").orElse("").matches(".*/login([;?].*)?$");
        return status != 401 && status != 403 && status != 404 && !toLogin;
    }

    private HttpResponse<String> send(String method, String path, Who who, AccessMatrixFixture fixture)
            throws Exception {
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).method(method, hasBody
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (hasBody) {
            request.header("Content-Type", "application/json");
        }
        if (who == Who.DEVICE) {
            request.header("Authorization", "Bearer " + fixture.deviceToken);
        } else if (who != Who.ANONYMOUS) {
            String credentials = fixture.usernames.get(who) + ":" + TestAccounts.PASSWORD;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
