package org.gateboard.security;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login bookkeeping runs inside the request that signs in: a lock wait that runs out or a deadlock on the
 * account's row (another login, an admin editing the account) must neither fail that request with a 5xx nor
 * lose a wrong-password count. Each attempt is its own transaction; a few are tried, then the loss is logged.
 */
final class LockConflicts {

    static final int ATTEMPTS = 4;
    private static final Logger log = LoggerFactory.getLogger(LockConflicts.class);

    private LockConflicts() {
    }

    /** Runs {@code work} in a new transaction until it commits; false when every attempt met a lock conflict. */
    static boolean retry(TransactionTemplate tx, String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(status -> work.run());
                return true;
            } catch (DataAccessException e) {
                if (!isLockConflict(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    log.warn("{} given up after {} lock conflicts: {}", what, attempt, e.getMessage());
                    return false;
                }
                log.info("{}: lock conflict, trying again ({})", what, e.getMessage());
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /**
     * Lock wait timeout (1205) and deadlock (1213): Connector/J 3 reports the first with SQL state HY000, which
     * Spring leaves uncategorized, so the error code is checked as well.
     */
    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
