package org.gateboard.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** No such page, or no such record behind a page's URL. */
@ParentLayout(MainLayout.class)
@PermitAll
class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(VaadinIcon.QUESTION_CIRCLE_O, "error.notFound.title", "error.notFound");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
