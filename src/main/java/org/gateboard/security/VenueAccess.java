package org.gateboard.security;

import com.github.benmanes.caffeine.cache.Cache;
import org.gateboard.base.Caches;
import org.gateboard.base.Role;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one answer to "which venues may this person see": every venue for admins, officials and stats tokens,
 * only their own for managers. Every service method that takes a venue id asks it ({@link #canSee},
 * {@link #requireVisible}); views only follow what their service answers. Work that runs later without the
 * person's request, such as a push, asks again each time through {@link #scopeOfCurrentUser()}, so a manager
 * removed from a venue stops receiving it. A scope is cached for 5 s ({@code gateboard.cache.venue-scopes}) and
 * dropped at once when this node commits a change to the account.
 */
@Component
public class VenueAccess {

    /** The venues someone may see: all of them, or those listed. */
    public record Scope(boolean everyVenue, Set<Long> venueIds) {

        static final Scope NONE = new Scope(false, Set.of());
        static final Scope EVERY = new Scope(true, Set.of());

        public Scope {
            venueIds = Set.copyOf(venueIds);
        }

        public boolean includes(long venueId) {
            return everyVenue || venueIds.contains(venueId);
        }
    }

    private final UserService users;
    private final VenueService venues;
    private final Cache<String, Scope> scopes;

    VenueAccess(UserService users, VenueService venues, Caches caches) {
        this.users = users;
        this.venues = venues;
        this.scopes = caches.build("venue-scopes");
    }

    /** The signed-in person's (or stats token's) scope now; nothing when no one is signed in. */
    public Scope currentScope() {
        return scopeOf(SecurityContextHolder.getContext().getAuthentication());
    }

    public boolean canSee(long venueId) {
        return currentScope().includes(venueId);
    }

    /** The venues the signed-in person may see, in the registry's order; none when no one is signed in. */
    public List<Venue> visibleVenues() {
        Scope scope = currentScope();
        return venues.venues().stream().filter(v -> scope.includes(v.id())).toList();
    }

    /** For services: refuses (Spring Security's access denied) when the signed-in person may not see the venue. */
    public void requireVisible(long venueId) {
        if (!canSee(venueId)) {
            throw new AccessDeniedException("Venue " + venueId + " is not one of the signed-in person's venues");
        }
    }

    /**
     * The signed-in person's scope as it will be whenever asked, for work done later on another thread: each
     * call answers their rights at that moment (cheaply, from the cache), not those they had when it started.
     */
    public Supplier<Scope> scopeOfCurrentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (isStatsToken(auth)) {
            return () -> Scope.EVERY;
        }
        if (!signedIn(auth)) {
            return () -> Scope.NONE;
        }
        String username = auth.getName();
        return () -> scopeOfUser(username);
    }

    @TransactionalEventListener
    void onAccountChanged(AccountChanged change) {
        scopes.invalidate(key(change.username()));
    }

    private Scope scopeOf(Authentication auth) {
        if (isStatsToken(auth)) {
            return Scope.EVERY;
        }
        return signedIn(auth) ? scopeOfUser(auth.getName()) : Scope.NONE;
    }

    private Scope scopeOfUser(String username) {
        return scopes.get(key(username), name -> users.signedInUser(username)
                .map(u -> u.role().seesAllVenues() ? Scope.EVERY : new Scope(false, u.venueIds()))
                .orElse(Scope.NONE));
    }

    private static boolean signedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && auth.getName() != null
                && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static boolean isStatsToken(Authentication auth) {
        return auth instanceof StatsTokenAuthentication && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.STATS.authority()));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
