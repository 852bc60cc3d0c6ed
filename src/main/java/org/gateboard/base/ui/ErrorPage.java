package org.gateboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the error pages share: a title, one translated sentence and a way back, inside the usual shell. Never
 * the exception's own text, which is for the log.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private final Icon symbol = new Icon();
    private final H2 title = new H2();
    private final Paragraph message = new Paragraph();
    private String titleText = "";

    ErrorPage() {
        setAlignItems(Alignment.CENTER);
        setPadding(true);
        symbol.setSize("var(--lumo-icon-size-l)");
        symbol.getStyle().set("color", "var(--lumo-secondary-text-color)");
        title.setId("error-title");
        message.setId("error-message");
        Button home = new Button(getTranslation("error.backToStart"), e -> UI.getCurrent().navigate(""));
        home.setId("error-home");
        add(symbol, title, message, home);
    }

    /**
     * The page for an action the person's role does not allow, whichever check said so: Vaadin's navigation
     * access control ({@link AccessDeniedView}) or a service's method security while the page opened
     * ({@link UnexpectedErrorView}). Says so plainly rather than pretending the page does not exist: in
     * Gateboard which pages exist is no secret, and a manager should know to ask an admin.
     */
    int showAccessDenied() {
        show(VaadinIcon.LOCK, "error.accessDenied.title", "error.accessDenied.page");
        return HttpServletResponse.SC_FORBIDDEN;
    }

    void show(VaadinIcon icon, String titleKey, String messageKey, Object... args) {
        symbol.setIcon(icon);
        titleText = getTranslation(titleKey);
        title.setText(titleText);
        message.setText(getTranslation(messageKey, args));
    }

    @Override
    public String getPageTitle() {
        return titleText + " | " + getTranslation("app.title");
    }
}
