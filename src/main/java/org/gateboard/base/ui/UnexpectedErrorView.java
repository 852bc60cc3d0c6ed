package org.gateboard.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.gateboard.base.UserFacingException;
import org.springframework.security.access.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Anything else that breaks while a page opens: a readable sentence and a reference to find the stack trace in
 * the log, instead of Vaadin's stack trace page. A {@link UserFacingException} shows its own message; a service's
 * method security saying no (Spring's {@link AccessDeniedException}, also when bean creation wrapped it) shows
 * the access-denied page.
 */
@ParentLayout(MainLayout.class)
@PermitAll
class UnexpectedErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        for (Throwable c = parameter.getCaughtException(); c != null; c = c.getCause()) {
            if (c instanceof UserFacingException u) {
                show(VaadinIcon.WARNING, "error.problem.title", u.messageKey(), u.args());
                return HttpServletResponse.SC_BAD_REQUEST;
            }
            if (c instanceof AccessDeniedException) {
                return showAccessDenied();
            }
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error opening {}, reference {}", event.getLocation().getPath(), ref,
                parameter.getCaughtException());
        show(VaadinIcon.WARNING, "error.problem.title", "error.unexpected", ref);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
