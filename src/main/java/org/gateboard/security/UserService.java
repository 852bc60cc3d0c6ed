package org.gateboard.security;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * People's accounts: login look-up, and the admin operations on them (each audited). An admin cannot
 * disable or demote their own account, so there is always at least one admin left who can sign in.
 */
@Service
public class UserService implements UserDetailsService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditService audit;
    private final VenueService venues;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    UserService(UserRepository users, PasswordEncoder passwords, AuditService audit, VenueService venues,
                Clock clock, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.venues = venues;
        this.clock = clock;
        this.throttle = throttle;
        this.events = events;
    }

    /** For the password check only; whether the account may sign in is the throttle's and the provider's call. */
    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserRepository.Row row = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return new AccountPrincipal(row.username(), row.passwordHash(), row.enabled(),
                List.of(new SimpleGrantedAuthority(row.role().authority())), row.version());
    }

    @Transactional(readOnly = true)
    public Optional<SignedInUser> signedInUser(String username) {
        return users.findByUsername(username).map(row -> new SignedInUser(row.id(), row.username(),
                row.displayName(), row.role(), users.venueIds(row.id()), Locale.forLanguageTag(row.locale()),
                row.wallScreen()));
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.Names.ADMIN)
    public List<UserAccount> list() {
        return users.findAll().stream().map(this::toAccount).toList();
    }

    /** Creates an account; answers its id. Throws {@link UserFacingException} with a message key on bad input. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public long create(NewUser user) {
        return createUnchecked(user);
    }

    /** For bootstrapping and demo data, before anyone is signed in. */
    @Transactional
    long createUnchecked(NewUser user) {
        user.validate();
        checkVenuesExist(user.venueIds());
        try {
            long id = users.insert(user.username().trim(), user.displayName().trim(),
                    passwords.encode(user.password()), user.role(), user.locale(), clock.instant());
            users.replaceVenues(id, user.role() == Role.MANAGER ? user.venueIds() : Set.of());
            audit.record("user", id, "create", null, Map.of("username", user.username().trim(),
                    "displayName", user.displayName().trim(), "role", user.role(),
                    "venues", user.role() == Role.MANAGER ? user.venueIds() : Set.of()));
            return id;
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("security.user.error.duplicate");
        }
    }

    /**
     * Saves an admin's edit of an account: display name, role, venues (managers only), whether it is enabled
     * and whether it is a wall-screen account. {@code account.version()} must be the version that was read, or
     * someone else's change wins. The account's open sessions end (see {@link AccountChanged}).
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void update(UserAccount account) {
        UserRepository.Row before = users.findById(account.id())
                .orElseThrow(() -> new UserFacingException("security.user.error.notFound"));
        String displayName = account.displayName() == null ? "" : account.displayName().trim();
        if (displayName.isEmpty() || displayName.length() > 128) {
            throw new UserFacingException("security.user.error.displayName");
        }
        if (account.role() == null || !account.role().isPerson()) {
            throw new UserFacingException("security.user.error.role");
        }
        Set<Long> newVenues = account.role() == Role.MANAGER ? Set.copyOf(account.venueIds()) : Set.of();
        if (account.role() == Role.MANAGER && newVenues.isEmpty()) {
            throw new UserFacingException("security.user.error.managerVenues");
        }
        checkVenuesExist(newVenues);
        if (account.wallScreen() && account.role() == Role.ADMIN) {
            // a session that never times out must not hold the keys to the registry and the accounts
            throw new UserFacingException("security.user.error.wallScreenAdmin");
        }
        if (isCurrentUser(before.username()) && (account.role() != Role.ADMIN || !account.enabled())) {
            throw new UserFacingException("security.user.error.self");
        }
        if (!users.update(account.id(), account.version(), displayName, account.role(), account.enabled(),
                account.wallScreen())) {
            throw new UserFacingException("security.user.error.concurrent");
        }
        Set<Long> oldVenues = users.venueIds(account.id());
        users.replaceVenues(account.id(), newVenues);
        audit.record("user", account.id(), "update",
                Map.of("displayName", before.displayName(), "role", before.role(), "enabled", before.enabled(),
                        "venues", oldVenues, "wallScreen", before.wallScreen()),
                Map.of("displayName", displayName, "role", account.role(), "enabled", account.enabled(),
                        "venues", newVenues, "wallScreen", account.wallScreen()));
        changed(before);
    }

    /** Disabled accounts cannot sign in; enabling one again keeps its password, role and venues. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void setEnabled(long userId, boolean enabled) {
        UserRepository.Row before = users.findById(userId)
                .orElseThrow(() -> new UserFacingException("security.user.error.notFound"));
        if (!enabled && isCurrentUser(before.username())) {
            throw new UserFacingException("security.user.error.self");
        }
        if (before.enabled() == enabled) {
            return;
        }
        users.updateEnabled(userId, enabled);
        audit.record("user", userId, enabled ? "enable" : "disable", Map.of("enabled", before.enabled()),
                Map.of("enabled", enabled));
        changed(before);
    }

    /**
     * Lifts the sign-in throttle from this name before its failures leave the window (see {@link LoginThrottle});
     * a single address that kept failing stays throttled by the per-address limit.
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void unlock(long userId) {
        UserRepository.Row before = users.findById(userId)
                .orElseThrow(() -> new UserFacingException("security.user.error.notFound"));
        Instant until = throttle.accountThrottledUntil(before.username());
        throttle.clear(before.username());
        audit.record("user", userId, "unlock", until == null ? null : Map.of("throttledUntil", until), null);
    }

    /** A new password; sessions signed in with the old one end. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void resetPassword(long userId, String newPassword) {
        NewUser.checkPassword(newPassword);
        UserRepository.Row before = users.findById(userId)
                .orElseThrow(() -> new UserFacingException("security.user.error.notFound"));
        users.updatePassword(userId, passwords.encode(newPassword));
        audit.record("user", userId, "reset-password", null, null);
        changed(before);
    }

    /** The signed-in person's own language choice, remembered for next time. */
    @Transactional
    public void saveLocale(String username, Locale locale) {
        users.updateLocale(username, MessagesI18NProvider.supported(locale).toLanguageTag());
    }

    boolean anyUserExists() {
        return users.count() > 0;
    }

    private void checkVenuesExist(Set<Long> venueIds) {
        if (venueIds.isEmpty()) {
            return;
        }
        Set<Long> known = venues.venues().stream().map(Venue::id).collect(Collectors.toSet());
        if (!known.containsAll(venueIds)) {
            throw new UserFacingException("security.user.error.venueUnknown");
        }
    }

    private static boolean isCurrentUser(String username) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getName() != null && auth.getName().equalsIgnoreCase(username);
    }

    private void changed(UserRepository.Row account) {
        events.publishEvent(new AccountChanged(account.id(), account.username()));
    }

    private UserAccount toAccount(UserRepository.Row row) {
        return new UserAccount(row.id(), row.username(), row.displayName(), row.role(), row.enabled(),
                users.venueIds(row.id()), row.locale(), throttle.accountThrottledUntil(row.username()),
                row.wallScreen(), row.version());
    }

    /** Input for a new account. */
    public record NewUser(String username, String displayName, String password, Role role, Set<Long> venueIds,
                          String locale) {

        public NewUser {
            venueIds = venueIds == null ? Set.of() : Set.copyOf(venueIds);
            locale = locale == null ? "zh-CN" : locale;
        }

        void validate() {
            if (username == null || !username.trim().matches("[A-Za-z0-9_.-]{3,64}")) {
                throw new UserFacingException("security.user.error.username");
            }
            if (displayName == null || displayName.isBlank() || displayName.length() > 128) {
                throw new UserFacingException("security.user.error.displayName");
            }
            if (role == null || !role.isPerson()) {
                throw new UserFacingException("security.user.error.role");
            }
            if (role == Role.MANAGER && venueIds.isEmpty()) {
                throw new UserFacingException("security.user.error.managerVenues");
            }
            checkPassword(password);
        }

        static void checkPassword(String password) {
            // BCrypt reads at most 72 bytes; a longer password would be cut silently, so refuse it
            if (password == null || password.length() < 8
                    || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
                throw new UserFacingException("security.user.error.password");
            }
        }
    }
}
