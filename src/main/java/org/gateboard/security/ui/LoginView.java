package org.gateboard.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.gateboard.base.ui.LanguageSwitch;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;

/**
 * Public only so the security chain can name it: Vaadin then forwards to it instead of redirecting. A failed
 * sign-in comes back with a query parameter naming why, and the form says so.
 */
@Route(value = LoginView.ROUTE, autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "login";
    /** Query parameters the login failure handler adds. */
    public static final String WRONG_PASSWORD = "error";
    public static final String THROTTLED = "throttled";
    public static final String DISABLED = "disabled";

    private final LoginForm login = new LoginForm();
    private final long lockMinutes;

    LoginView(@Value("${gateboard.security.login-window:15m}") Duration window) {
        this.lockMinutes = window.toMinutes();
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setI18n(i18n("login.error"));
        login.setForgotPasswordButtonVisible(false);
        login.setAction(ROUTE);

        H1 title = new H1(getTranslation("app.title"));
        Paragraph subtitle = new Paragraph(getTranslation("login.subtitle"));
        add(new LanguageSwitch(null), title, subtitle, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        String reason = parameters.containsKey(THROTTLED) ? "login.throttled"
                : parameters.containsKey(DISABLED) ? "login.disabled"
                : parameters.containsKey(WRONG_PASSWORD) ? "login.error" : null;
        if (reason != null) {
            login.setI18n(i18n(reason));
            login.setError(true);
        }
    }

    /** The form's texts, with the error box explaining {@code reasonKey} (.title and .message). */
    private LoginI18n i18n(String reasonKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgotPassword"));
        i18n.getErrorMessage().setTitle(getTranslation(reasonKey + ".title"));
        i18n.getErrorMessage().setMessage(getTranslation(reasonKey + ".message", lockMinutes));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.title");
    }
}
