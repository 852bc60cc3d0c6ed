package org.gateboard.verdict.api;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/** Tells "the database is away or overloaded, try again" (503) from a genuine fault (500). */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof QueryTimeoutException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
