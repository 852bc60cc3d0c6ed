package org.gateboard.verdict.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The device API's answers to a body it cannot take: RFC 9457 problem details with a readable detail. Everything
 * else (the database away, an unexpected fault) is {@link org.gateboard.base.api.ApiExceptionHandler}'s.
 */
final class DeviceApiErrors {

    private DeviceApiErrors() {
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
