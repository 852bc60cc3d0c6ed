package org.gateboard.verdict.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gateboard.base.api.ProblemResponses;
import org.gateboard.venue.DeviceIdentity;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.verdict.DeviceContacts;
import org.gateboard.verdict.internal.DeviceDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates gate devices by {@code Authorization: Bearer <token>}: 401 with {@code WWW-Authenticate:
 * Bearer} for a missing or unknown token, 403 for a disabled or revoked device, 503 when the registry cannot
 * be read. Answers itself, as problem details, and never redirects.
 */
final class DeviceTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 200;

    private final DeviceDirectory directory;
    private final DeviceContacts contacts;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    DeviceTokenFilter(DeviceDirectory directory, DeviceContacts contacts, ProblemResponses problems) {
        this.directory = directory;
        this.contacts = contacts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, HttpStatus.UNAUTHORIZED,
                    "Send the device token as 'Authorization: Bearer <token>'.");
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        Optional<DeviceIdentity> device;
        try {
            device = token.isEmpty() || token.length() > MAX_TOKEN_LENGTH ? Optional.empty() : directory.byToken(token);
        } catch (RuntimeException e) {
            if (!ProblemResponses.isDatabaseUnavailable(e)) {
                throw e;
            }
            problems.writeDatabaseUnavailable(response);
            return;
        }
        if (device.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "The device token is not known.");
            return;
        }
        DeviceIdentity identity = device.get();
        if (identity.status() != DeviceStatus.ACTIVE) {
            problems.write(response, HttpStatus.FORBIDDEN, identity.status() == DeviceStatus.REVOKED
                    ? "This device was revoked; it needs a new registration."
                    : "This device is disabled; an administrator can enable it again.");
            return;
        }
        if (!identity.placeActive()) {
            // a closed gate or venue takes no verdicts: they would count for a place nobody watches
            problems.write(response, HttpStatus.FORBIDDEN, "The gate or venue of this device is"
                    + " deactivated; an administrator can activate it again. Keep the verdicts until then.");
            return;
        }
        contacts.touch(identity);
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(new DeviceAuthentication(identity));
        contextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            // never let a failure reach the container's error page (the people's chain would redirect it)
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            if (ProblemResponses.isDatabaseUnavailable(e)) {
                problems.writeDatabaseUnavailable(response);
            } else {
                logger.error("Device API request failed", e);
                problems.write(response, HttpStatus.INTERNAL_SERVER_ERROR,
                        "The server failed to handle this request; nothing of it was stored. Retry later.");
            }
        } finally {
            contextHolder.clearContext();
        }
    }
}
