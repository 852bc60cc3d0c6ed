package org.gateboard.policy.api;

import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.policy.PolicyRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A change the rules refuse (a looser venue value, a bad field) is 422 on this API, with the reason in English. */
@RestControllerAdvice(assignableTypes = PolicyApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyApiErrors {

    private final MessagesI18NProvider messages;

    PolicyApiErrors(MessagesI18NProvider messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PolicyRefused.class)
    ResponseEntity<ProblemDetail> refused(PolicyRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                messages.getTranslation(e.messageKey(), MessagesI18NProvider.ENGLISH, e.args()));
        problem.setProperty("messageKey", e.messageKey());
        return ResponseEntity.unprocessableEntity().body(problem);
    }
}
