package org.gateboard.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.gateboard.base.Role;
import org.gateboard.base.api.ProblemResponses;
import org.gateboard.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.util.Map;

/**
 * Two chains for people: the API chain for scripts and big screens ({@code /api/**}: admin API with HTTP Basic,
 * stats with HTTP Basic or a stats token), and Vaadin's form-login chain for everything else. The device API has
 * its own bearer-token chain, ordered before both (see the verdict feature).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    static final int API_CHAIN_ORDER = 2;

    /**
     * What Vaadin Flow 24 needs and no more: its bootstrap runs an inline script and its client evaluates the
     * expressions the server sends ('unsafe-inline' 'unsafe-eval'); components set inline styles. Everything
     * else, push over WebSocket included ('self' covers ws: and wss: to the same host), comes from this origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** The one password check, for the login form and HTTP Basic alike. */
    @Bean
    AuthenticationProvider throttledAuthenticationProvider(UserService users, PasswordEncoder passwords,
                                                           LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, passwords, throttle);
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http, StatsTokenService statsTokens, LoginThrottle throttle,
                                 ProblemResponses problems,
                                 @Value("${gateboard.security.api-docs-public:true}") boolean apiDocsPublic)
            throws Exception {
        String[] apiDocs = {"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};
        return http
                .securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(auth -> {
                    if (apiDocsPublic) {
                        auth.requestMatchers(apiDocs).permitAll();
                    } else {
                        auth.requestMatchers(apiDocs).hasRole(Role.Names.ADMIN);
                    }
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                            .requestMatchers("/actuator/**").hasRole(Role.Names.ADMIN)
                            .requestMatchers("/api/v1/admin/**").hasRole(Role.Names.ADMIN)
                            .requestMatchers("/api/v1/stats/**")
                            .hasAnyRole(Role.Names.OFFICIAL, Role.Names.ADMIN, Role.Names.STATS)
                            // the policy services decide which layer each of these may change
                            .requestMatchers("/api/v1/policies", "/api/v1/policies/**")
                            .hasAnyRole(Role.Names.OFFICIAL, Role.Names.MANAGER, Role.Names.ADMIN)
                            .requestMatchers("/api/v1/posters/outdated").hasRole(Role.Names.ADMIN)
                            .requestMatchers("/api/v1/channels", "/api/v1/posters/**")
                            .hasAnyRole(Role.Names.ADMIN, Role.Names.MANAGER)
                            .requestMatchers("/api/v1/refusals/**").hasAnyRole(Role.Names.OFFICIAL, Role.Names.MANAGER)
                            .anyRequest().denyAll();
                })
                .addFilterBefore(new StatsTokenFilter(statsTokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new JsonOnlyFilter(problems), AuthorizationFilter.class)
                .httpBasic(basic -> basic.realmName("Gateboard")
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e instanceof LoginThrottledException) {
                                response.setHeader("Retry-After", Long.toString(throttle.window().toSeconds()));
                                problems.write(response, HttpStatus.TOO_MANY_REQUESTS,
                                        "Too many failed sign-ins; try again later.");
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Gateboard\", charset=\"UTF-8\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED,
                                    "Sign in with HTTP Basic as a Gateboard user, or send a stats token as Bearer.");
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this request.")))
                .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain vaadinChain(HttpSecurity http, AccountSessions sessions) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/images/**", "/icons/**", "/favicon.ico").permitAll());
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        http.addFilterBefore(new AccountSessionFilter(sessions), AnonymousAuthenticationFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // Only after Vaadin's configurer: set up first, the form login would not yet know its login page and
        // would switch on Spring Security's generated one. With a handler set, Vaadin keeps it (no "?error" URL).
        http.formLogin(form -> form.failureHandler(loginFailureHandler()));
        return http.build();
    }

    /**
     * Back to the login view with the reason. "Throttled" is answered alike for every name, known or not;
     * "disabled" only to someone who gave the account's right password.
     */
    static AuthenticationFailureHandler loginFailureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/" + LoginView.ROUTE + "?" + LoginView.WRONG_PASSWORD);
        handler.setExceptionMappings(Map.of(
                LoginThrottledException.class.getName(), "/" + LoginView.ROUTE + "?" + LoginView.THROTTLED,
                DisabledException.class.getName(), "/" + LoginView.ROUTE + "?" + LoginView.DISABLED));
        return handler;
    }
}
