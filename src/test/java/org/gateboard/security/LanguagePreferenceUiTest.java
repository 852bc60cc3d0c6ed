package org.gateboard.security;

import org.gateboard.base.Role;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.gateboard.base.ui.LanguageSwitch;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class LanguagePreferenceUiTest extends UiTest {

    @Autowired
    UserService users;

    /** Signs in (the page loads again, as after the login form) and opens the start page. */
    private void signInAndOpenStartPage(String name) {
        login(name, TestAccounts.PASSWORD);
        reloadPage();
        navigate("");
    }

    @Test
    void aNewAccountSeesChineseWhateverTheBrowserSays() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        signInAndOpenStartPage(name);

        assertThat(UI.getCurrent().getLocale()).isEqualTo(MessagesI18NProvider.CHINESE);
        assertThat(menuLabels()).contains("实时看板");
    }

    @Test
    void switchingToEnglishTranslatesTheShellAndIsRememberedAtTheNextSignIn() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        signInAndOpenStartPage(name);

        _setValue(LocatorJ._get(LanguageSwitch.class), MessagesI18NProvider.ENGLISH);

        assertThat(users.signedInUser(name).orElseThrow().locale()).isEqualTo(MessagesI18NProvider.ENGLISH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(MessagesI18NProvider.ENGLISH);
        navigate("");
        assertThat(menuLabels()).contains("Live dashboard");

        newBrowserSession();
        signInAndOpenStartPage(name);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(MessagesI18NProvider.ENGLISH);
        assertThat(menuLabels()).contains("Live dashboard");
        assertThat(LocatorJ._get(LanguageSwitch.class).getValue()).isEqualTo(MessagesI18NProvider.ENGLISH);
    }

    @Test
    void switchingBackToChineseIsRememberedToo() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        signInAndOpenStartPage(name);
        _setValue(LocatorJ._get(LanguageSwitch.class), MessagesI18NProvider.ENGLISH);
        navigate("");

        _setValue(LocatorJ._get(LanguageSwitch.class), MessagesI18NProvider.CHINESE);

        assertThat(users.signedInUser(name).orElseThrow().locale()).isEqualTo(MessagesI18NProvider.CHINESE);
    }

    private static java.util.List<String> menuLabels() {
        return LocatorJ._get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
