package org.gateboard.base.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * RFC 9457 problem details written straight to the response, for filters and entry points that answer before
 * any controller (written with the application's JSON mapper, so they read like the controllers' own), and the
 * one answer every API gives when the database is away.
 */
@Component
public class ProblemResponses {

    /**
     * Seconds a caller should wait before sending the whole request again, whenever Gateboard answers 503:
     * the database is away, or the application is still starting (or stopping).
     */
    public static final int RETRY_AFTER_SECONDS = 5;
    static final String DATABASE_UNAVAILABLE = "The database cannot be reached; nothing of this request was"
            + " stored. Retry the whole request later.";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** The database is away: 503 with {@code Retry-After}, for a filter. */
    public void writeDatabaseUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        write(response, HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
    }

    /** A controller's own answer to a request it cannot take, as problem details. */
    public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** The database is away: 503 with {@code Retry-After}, for a controller. */
    public static ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE));
    }

    /** Tells "the database is away or overloaded, try again" (503) from a genuine fault (500), by cause. */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof QueryTimeoutException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
