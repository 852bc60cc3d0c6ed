package org.gateboard.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.gateboard.base.UserFacingException;
import org.springframework.security.access.AccessDeniedException;

/** A page that fails while opening, in the way named by its URL, to show what the error pages make of it. */
@Route("test-only/failing/:how")
@PermitAll
class FailingPageForTests extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        switch (event.getRouteParameters().get("how").orElse("")) {
            case "refused" -> throw new AccessDeniedException("a service said no");
            case "bad-input" -> throw new UserFacingException("error.concurrentChange");
            default -> throw new IllegalStateException("internal detail that must not be shown");
        }
    }
}
