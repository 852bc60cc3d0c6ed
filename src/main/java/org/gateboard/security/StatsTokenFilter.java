package org.gateboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gateboard.base.api.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code Authorization: Bearer gbs_...} on the stats API: a stats token signs the request in as a machine
 * with the {@code STATS} role. Any other bearer value there is refused outright (401), never tried as a password.
 */
class StatsTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final StatsTokenService tokens;
    private final ProblemResponses problems;

    StatsTokenFilter(StatsTokenService tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/stats/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(BEARER.length()).trim();
        var machine = tokens.authenticate(token);
        if (machine.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Gateboard\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED,
                    "This stats token is unknown or revoked; ask an admin for a new one.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(machine.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
