package org.gateboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gateboard.base.api.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * The admin API changes things only for requests declared as JSON. A browser sends HTTP Basic credentials it
 * remembers along with a cross-site form post, but a form can only be {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data} or {@code text/plain}, and a cross-site {@code application/json} needs a CORS
 * pre-flight that Gateboard never grants. So even a body-less action ({@code POST .../rotate}) must say
 * {@code Content-Type: application/json}; anything else gets 415.
 */
class JsonOnlyFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH");

    private final ProblemResponses problems;

    JsonOnlyFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isJson(request.getContentType())) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Admin API changes must be sent with Content-Type: application/json (an empty body is fine"
                            + " for actions that take none).");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
