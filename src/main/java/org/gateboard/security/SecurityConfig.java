package org.gateboard.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.gateboard.base.Roles;
import org.gateboard.security.ui.LoginView;
import org.gateboard.base.api.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Map;

/**
 * Two chains for people: the HTTP-Basic API chain for scripts and big screens ({@code /api/**}, admin and
 * stats), and Vaadin's form-login chain for everything else. The device API has its own bearer-token
 * chain, ordered before both (see the verdict feature).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    static final int API_CHAIN_ORDER = 2;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/v1/stats/**").hasAnyRole(Roles.OFFICIAL, Roles.ADMIN)
                        .requestMatchers("/api/v1/refusals/**").hasAnyRole(Roles.OFFICIAL, Roles.MANAGER)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("Gateboard")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"Gateboard\", charset=\"UTF-8\"");
                            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic as a Gateboard user.");
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this request.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/images/**", "/icons/**", "/favicon.ico").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // Only after Vaadin's configurer: set up first, the form login would not yet know its login page and
        // would switch on Spring Security's generated one. With a handler set, Vaadin keeps it (no "?error" URL).
        http.formLogin(form -> form.failureHandler(loginFailureHandler()));
        return http.build();
    }

    /**
     * Back to the login view with the reason, so it can say "locked for a while" or "disabled" instead of
     * "wrong password" (which would only make a locked-out person try again).
     */
    static AuthenticationFailureHandler loginFailureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/" + LoginView.ROUTE + "?" + LoginView.WRONG_PASSWORD);
        handler.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/" + LoginView.ROUTE + "?" + LoginView.LOCKED,
                DisabledException.class.getName(), "/" + LoginView.ROUTE + "?" + LoginView.DISABLED));
        return handler;
    }
}
