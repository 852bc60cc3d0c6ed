package org.gateboard.security;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import elemental.json.JsonObject;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginUiTest extends UiTest {

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        navigate("");
        LocatorJ._get(LoginForm.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }

    @Test
    void demoUsersSignInWithTheirReadmePasswords() {
        assertThat(login("admin", "admin123").isAuthenticated()).isTrue();
        assertThat(login("official", "official123").isAuthenticated()).isTrue();
        assertThat(login("manager", "manager123").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login("manager", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        login("manager", "manager123");
    }

    @Test
    void signedInManagerSeesTheShellInChinese() {
        login("manager", "manager123");
        navigate("");
        SideNav nav = LocatorJ._get(SideNav.class);
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel).contains("实时看板");
    }

    @Test
    void theLoginFormShowsNoErrorAtFirst() {
        openLogin(Map.of());
        assertThat(LocatorJ._get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void aWrongPasswordIsReportedAsSuch() {
        LoginForm form = openLogin(Map.of("error", ""));
        assertThat(form.isError()).isTrue();
        assertThat(errorText(form, "title")).isEqualTo("用户名或密码错误");
    }

    @Test
    void aThrottledSignInIsToldToWaitAndForHowLong() {
        LoginForm form = openLogin(Map.of("throttled", ""));
        assertThat(form.isError()).isTrue();
        assertThat(errorText(form, "title")).isEqualTo("登录失败次数过多");
        assertThat(errorText(form, "message")).contains("15 分钟");
    }

    @Test
    void aDisabledAccountIsToldItIsDisabled() {
        LoginForm form = openLogin(Map.of("disabled", ""));
        assertThat(form.isError()).isTrue();
        assertThat(errorText(form, "title")).isEqualTo("账户已停用");
    }

    private static LoginForm openLogin(Map<String, String> query) {
        UI.getCurrent().navigate("login", QueryParameters.simple(query));
        return LocatorJ._get(LoginForm.class);
    }

    private static String errorText(LoginForm form, String field) {
        JsonObject i18n = (JsonObject) form.getElement().getPropertyRaw("i18n");
        return i18n.getObject("errorMessage").getString(field);
    }
}
