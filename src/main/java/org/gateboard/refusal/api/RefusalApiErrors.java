package org.gateboard.refusal.api;

import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.refusal.InvalidReviewException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A disposition that cannot be recorded as given is 422 (the request was well-formed, its content is not). */
@RestControllerAdvice(assignableTypes = RefusalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalApiErrors {

    private final MessagesI18NProvider messages;

    RefusalApiErrors(MessagesI18NProvider messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidReviewException.class)
    ResponseEntity<ProblemDetail> invalidReview(InvalidReviewException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                messages.getTranslation(e.messageKey(), MessagesI18NProvider.ENGLISH, e.args()));
        problem.setProperty("messageKey", e.messageKey());
        return ResponseEntity.unprocessableEntity().body(problem);
    }
}
