package org.gateboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * In the UI's chain, after the session's sign-in is loaded and before anything is authorised: a session signed
 * in before the latest change to its account is ended, and the request goes on as anonymous (to the login page).
 * Otherwise the session is remembered as that person's, so the next change can end it at once.
 */
class AccountSessionFilter extends OncePerRequestFilter {

    private final AccountSessions sessions;

    AccountSessionFilter(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
            HttpSession session = request.getSession(false);
            if (!sessions.stillValid(principal)) {
                SecurityContextHolder.clearContext();
                if (session != null) {
                    AccountSessions.end(session);
                }
            } else if (session != null) {
                sessions.track(principal.getUsername(), session);
            }
        }
        chain.doFilter(request, response);
    }
}
