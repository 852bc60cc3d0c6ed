package org.gateboard.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.vaadin.flow.component.UI;
import org.gateboard.base.Caches;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.gateboard.security.ui.LoginView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a person's sessions when an admin changes their account, in two ways:
 * <ul>
 *   <li>at once, on this node: every HTTP session seen signed in as that person is invalidated when the change
 *   commits, which closes its Vaadin session too, so open views detach and their push subscriptions end;</li>
 *   <li>on every request and every navigation, on every node: a session whose sign-in predates the account's
 *   current version (or whose account is disabled or gone) is ended before the request is served. The version is
 *   cached for 2 s ({@code gateboard.cache.account-versions}), the longest another node may lag.</li>
 * </ul>
 */
@Component
class AccountSessions implements HttpSessionListener, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final UserRepository users;
    private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();
    private final Map<HttpSession, String> owners = new ConcurrentHashMap<>();
    /** The current version of an enabled account; empty for a disabled or deleted one. */
    private final Cache<String, Optional<Integer>> versions;

    AccountSessions(UserRepository users, Caches caches) {
        this.users = users;
        this.versions = caches.build("account-versions");
    }

    /** Whether a session signed in as {@code principal} may still act as that person. */
    boolean stillValid(AccountPrincipal principal) {
        Optional<Integer> current = versions.get(key(principal.getUsername()), name -> users.findByUsername(name)
                .filter(UserRepository.Row::enabled).map(UserRepository.Row::version));
        return current.isPresent() && current.get() == principal.accountVersion();
    }

    /** Remembers that {@code session} is signed in as {@code username}, so a change to the account can end it. */
    void track(String username, HttpSession session) {
        String name = key(username);
        if (name.equals(owners.get(session))) {
            return;
        }
        owners.put(session, name);
        byUser.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** Open sessions signed in as {@code username} on this node. */
    int openSessions(String username) {
        return byUser.getOrDefault(key(username), Set.of()).size();
    }

    @TransactionalEventListener
    void onAccountChanged(AccountChanged change) {
        versions.invalidate(key(change.username()));
        Set<HttpSession> sessions = byUser.remove(key(change.username()));
        if (sessions == null) {
            return;
        }
        for (HttpSession session : sessions) {
            owners.remove(session);
            end(session);
        }
        log.info("Ended {} session(s) of '{}' after a change to the account", sessions.size(), change.username());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    private void forget(HttpSession session) {
        String name = owners.remove(session);
        if (name != null) {
            byUser.computeIfPresent(name, (n, set) -> {
                set.remove(session);
                return set.isEmpty() ? null : set;
            });
        }
    }

    static void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // timed out or signed out meanwhile
        }
    }

    /**
     * The same check for each navigation inside the UI, which is all a browserless UI test goes through:
     * a stale session is closed and the person sent to the login page.
     */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this::checkNavigation));
    }

    private void checkNavigation(BeforeEnterEvent event) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal) || stillValid(principal)) {
            return;
        }
        SecurityContextHolder.clearContext();
        event.forwardTo(LoginView.class);
        UI ui = event.getUI();
        VaadinSession session = ui.getSession();
        // after this round trip: the page then reloads into the login page of a new session
        ui.getPage().setLocation("/" + LoginView.ROUTE);
        WrappedSession http = session == null ? null : session.getSession();
        if (http != null) {
            ui.access(() -> {
                try {
                    http.invalidate();
                } catch (IllegalStateException alreadyEnded) {
                    // ended by the request filter first
                }
            });
        }
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
