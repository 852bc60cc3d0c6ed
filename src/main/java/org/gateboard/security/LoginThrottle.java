package org.gateboard.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Failed sign-ins counted in a sliding window ({@code gateboard.security.login-window}, 15 minutes), in
 * three ways (the policy and why: docs/architecture.md, "Sign-in throttle"):
 * <ul>
 *   <li>per name and client address (5): stops guessing one account from one place without locking its owner
 *   out elsewhere;</li>
 *   <li>per client address (20): stops one place trying many names;</li>
 *   <li>per name from everywhere (50): stops a guess spread over many addresses; the price is that such an
 *   attack also keeps the owner out, which an admin sees in the users view and can lift.</li>
 * </ul>
 * A success resets nothing: a guesser interleaving guesses with a wall screen's good sign-ins is still counted.
 * Names are counted as typed, whether an account has them or not, so the answers never tell which exist.
 */
@Component
class LoginThrottle {

    static final int DEFAULT_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int DEFAULT_PER_ADDRESS = 20;
    static final int DEFAULT_PER_ACCOUNT = 50;
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int NAME_LENGTH = 64;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;
    private final int perAccountAndAddress;
    private final int perAddress;
    private final int perAccount;

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
                  @Value("${gateboard.security.login-window:15m}") Duration window,
                  @Value("${gateboard.security.max-failures-per-account-and-address:" + DEFAULT_PER_ACCOUNT_AND_ADDRESS
                          + "}") int perAccountAndAddress,
                  @Value("${gateboard.security.max-failures-per-address:" + DEFAULT_PER_ADDRESS + "}") int perAddress,
                  @Value("${gateboard.security.max-failures-per-account:" + DEFAULT_PER_ACCOUNT + "}") int perAccount) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
        this.perAccountAndAddress = perAccountAndAddress;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
    }

    Duration window() {
        return window;
    }

    /** Whether a sign-in as {@code username} from {@code address} is refused now, before its password is checked. */
    boolean throttled(String username, String address) {
        String name = key(username);
        Map<String, Object> counts = jdbc.queryForMap("SELECT COALESCE(SUM(username = ? AND client_address = ?), 0) AS pair,"
                        + " COALESCE(SUM(client_address = ?), 0) AS address, COALESCE(SUM(username = ?), 0) AS account"
                        + " FROM login_failure WHERE occurred_at > ? AND (username = ? OR client_address = ?)",
                name, address, address, name, since(), name, address);
        return number(counts.get("pair")) >= perAccountAndAddress || number(counts.get("address")) >= perAddress
                || number(counts.get("account")) >= perAccount;
    }

    /** A wrong password or an unknown name. Never fails the sign-in's answer: a lost count is logged instead. */
    void recordFailure(String username, String address) {
        try {
            jdbc.update("INSERT INTO login_failure (occurred_at, username, client_address) VALUES (?, ?, ?)",
                    Timestamp.from(clock.instant()), key(username), address);
        } catch (DataAccessException e) {
            log.warn("A failed sign-in for '{}' from {} could not be counted", key(username), address, e);
        }
    }

    /** When the account-wide limit stops refusing this name, or null when it is not reached. */
    Instant accountThrottledUntil(String username) {
        List<Timestamp> nth = jdbc.queryForList("SELECT occurred_at FROM login_failure WHERE username = ?"
                + " AND occurred_at > ? ORDER BY occurred_at DESC LIMIT 1 OFFSET ?", Timestamp.class, key(username),
                since(), perAccount - 1);
        return nth.isEmpty() ? null : nth.get(0).toInstant().plus(window);
    }

    /** An admin lifts every limit on this name (the per-address one stays: it is not about this account). */
    void clear(String username) {
        jdbc.update("DELETE FROM login_failure WHERE username = ?", key(username));
    }

    /** On one node at a time (at most once a minute in the cluster): the rows are shared by every node. */
    @Scheduled(fixedDelayString = "${gateboard.security.login-failure-purge:5m}")
    @SchedulerLock(name = "login-failure-purge", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    void purge() {
        jdbc.update("DELETE FROM login_failure WHERE occurred_at <= ?", since());
    }

    private Timestamp since() {
        return Timestamp.from(clock.instant().minus(window));
    }

    private static String key(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
