package org.gateboard.verdict.api;

import org.gateboard.base.Role;
import org.gateboard.base.api.ProblemResponses;
import org.gateboard.verdict.DeviceContacts;
import org.gateboard.verdict.internal.DeviceDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The device API's own chain, before the people's chains: bearer tokens only, stateless, no CSRF (there
 * is no cookie to forge), answers by status code and never by a redirect to the login page.
 */
@Configuration
class DeviceApiSecurityConfig {

    static final String[] PATHS = {DeviceApiController.POLICY, DeviceApiController.VERDICTS,
            DeviceApiController.HEARTBEAT};

    @Bean
    @Order(1)
    SecurityFilterChain deviceApiChain(HttpSecurity http, DeviceDirectory directory, DeviceContacts contacts,
                                   ProblemResponses problems) throws Exception {
        return http
                .securityMatcher(PATHS)
                .addFilterBefore(new DeviceTokenFilter(directory, contacts, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.Names.DEVICE))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(response, HttpStatus.UNAUTHORIZED,
                                    "Send the device token as 'Authorization: Bearer <token>'.");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "Only gate devices may call this.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .build();
    }
}
