package org.gateboard.verdict.api;

import jakarta.servlet.http.HttpServletResponse;
import org.gateboard.base.api.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;

/** The device API's error answers: RFC 9457 problem details with a readable detail. */
final class DeviceApiErrors {

    /** Seconds a device should wait before retrying the whole request when the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;
    static final String UNAVAILABLE = "The database cannot be reached; nothing of this request was stored."
            + " Retry the whole request later.";

    private DeviceApiErrors() {
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    static ResponseEntity<Object> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE));
    }

    static void writeUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }
}
