package org.gateboard.security;

import org.gateboard.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Locks an account for a while after repeated wrong passwords, so a password cannot be guessed by trying.
 * Listens to Spring Security's own events, so the form login and HTTP Basic on the API count alike. A locked
 * account is refused before its password is checked ({@link UserService#loadUserByUsername}), which is also
 * why attempts during the lock do not extend it.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserRepository users;
    private final AuditService audit;
    private final Clock clock;
    private final int lockAfter;
    private final Duration lockFor;

    private final TransactionTemplate tx;

    LoginAttempts(UserRepository users, AuditService audit, Clock clock, PlatformTransactionManager transactions,
                  @Value("${gateboard.security.lock-after-failures:5}") int lockAfter,
                  @Value("${gateboard.security.lock-duration:15m}") Duration lockFor) {
        this.tx = new TransactionTemplate(transactions);
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.lockAfter = lockAfter;
        this.lockFor = lockFor;
    }

    /** The failure count and lock after one more wrong password. */
    record State(int failedLogins, Instant lockedUntil) {

        State afterFailure(Instant now, int lockAfter, Duration lockFor) {
            // a lock that has run out leaves a clean slate: the next wrong password is the first of a new series
            boolean lockExpired = lockedUntil != null && !lockedUntil.isAfter(now);
            int failures = lockExpired ? 1 : failedLogins + 1;
            Instant until = failures >= lockAfter ? now.plus(lockFor) : (lockExpired ? null : lockedUntil);
            return new State(failures, until);
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    @EventListener
    public void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = event.getAuthentication().getName();
        LockConflicts.retry(tx, "Counting a wrong password for '" + username + "'", () -> countFailure(username));
    }

    private void countFailure(String username) {
        // unknown usernames fail the same way but have no row: nothing to count
        users.findByUsernameForUpdate(username).ifPresent(row -> {
            Instant now = clock.instant();
            State before = new State(row.failedLogins(), row.lockedUntil());
            State after = before.afterFailure(now, lockAfter, lockFor);
            users.updateLoginFailures(row.id(), after.failedLogins(), after.lockedUntil());
            if (after.lockedAt(now) && !before.lockedAt(now)) {
                log.warn("Account '{}' locked until {} after {} wrong passwords", row.username(),
                        after.lockedUntil(), after.failedLogins());
                audit.recordAs("system", "user", row.id(), "lock", null,
                        Map.of("lockedUntil", after.lockedUntil(), "failedLogins", after.failedLogins()));
            }
        });
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            String username = event.getAuthentication().getName();
            LockConflicts.retry(tx, "Recording the sign-in of '" + username + "'",
                    () -> users.recordSuccessfulLogin(username));
        }
    }
}
