package org.gateboard.base.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The port opens before start-up has finished (migrations, demo and first-admin accounts, the live counts):
 * until Spring Boot's readiness state says the application accepts traffic, every request but the health
 * probes gets 503 with Retry-After, so that nobody signs in against accounts that do not exist yet or sees
 * counts still being loaded. The same answer is given while the application shuts down.
 */
public class NotReadyFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final ProblemResponses problems;

    NotReadyFilter(ApplicationAvailability availability, ProblemResponses problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemResponses.RETRY_AFTER_SECONDS));
        if (path.startsWith("/api/")) {
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Gateboard is starting up (or shutting down); try again in a few seconds.");
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html;charset=UTF-8");
        ResourceBundle zh = ResourceBundle.getBundle("i18n/base", Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = ResourceBundle.getBundle("i18n/base", Locale.ENGLISH);
        response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"" + ProblemResponses.RETRY_AFTER_SECONDS + "\">"
                + "<title>Gateboard</title>"
                + "</head><body><p>" + zh.getString("starting.message") + "</p><p lang=\"en\">"
                + en.getString("starting.message") + "</p></body></html>");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<NotReadyFilter> notReadyFilter(ApplicationAvailability availability,
                                                              ProblemResponses problems) {
            FilterRegistrationBean<NotReadyFilter> registration =
                    new FilterRegistrationBean<>(new NotReadyFilter(availability, problems));
            // before Spring Security, so that no login is tried against half-seeded accounts
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
