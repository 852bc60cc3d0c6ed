package org.gateboard.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** A service refused the person while a page was opening (method security): the same page as {@link AccessDeniedView}. */
@ParentLayout(MainLayout.class)
@PermitAll
class ForbiddenView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    ForbiddenView() {
        super(VaadinIcon.LOCK);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("error.accessDenied.title", "error.accessDenied.page");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
