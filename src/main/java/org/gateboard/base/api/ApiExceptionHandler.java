package org.gateboard.base.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.gateboard.base.ConflictException;
import org.gateboard.base.RuleViolationException;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Problem details (RFC 9457) for every error a REST controller lets through, so scripts always get a
 * readable {@code detail} and never a stack trace. {@link UserFacingException}s carry an i18n key; the
 * API answers with its English text and names the key in {@code messageKey} for scripts that branch on
 * it: 404 for an {@link UnknownRecordException}, 409 for a {@link ConflictException}, 422 for a
 * {@link RuleViolationException}, else 400. Lowest precedence: a feature that needs other answers for its own API
 * declares its own advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessagesI18NProvider messages;

    ApiExceptionHandler(MessagesI18NProvider messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<ProblemDetail> userFacing(UserFacingException e) {
        HttpStatus status = e instanceof UnknownRecordException ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT
                : e instanceof RuleViolationException ? HttpStatus.UNPROCESSABLE_ENTITY
                : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getTranslation(e.messageKey(), MessagesI18NProvider.ENGLISH, e.args()));
        problem.setProperty("messageKey", e.messageKey());
        return ResponseEntity.status(status).body(problem);
    }

    /** Method security inside a service said no (the security chain answers its own 401/403 before this). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role does not allow this request."));
    }

    /** Anything else; when the database is away nothing was done, so the caller may simply retry (503). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (ProblemResponses.isDatabaseUnavailable(e)) {
            log.warn("API request failed, database unavailable: {}", e.getMessage());
            return ProblemResponses.databaseUnavailable();
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected API error, reference {}", ref, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not handle this request. Tell an administrator reference " + ref + ".");
        problem.setProperty("reference", ref);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** Malformed JSON or the wrong shape: say where, in words a script author can act on. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableDetail(ex));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    static String unreadableDetail(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonParseException p) {
            return "The body is not valid JSON (line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + ").";
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "Field '" + path(f) + "': '" + f.getValue() + "' is not one of "
                    + Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ".";
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "Field '" + path(m) + "' has the wrong type.";
        }
        if (cause instanceof JsonMappingException) {
            return "The JSON body does not have the expected shape.";
        }
        return "The request needs a JSON body.";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
