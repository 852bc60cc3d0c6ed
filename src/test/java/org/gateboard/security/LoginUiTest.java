package org.gateboard.security;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

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
    }

    @Test
    void signedInManagerSeesTheShellInChinese() {
        login("manager", "manager123");
        navigate("");
        SideNav nav = LocatorJ._get(SideNav.class);
        assertThat(nav.getItems()).extracting(SideNavItem::getLabel).contains("实时看板");
    }
}
