package org.gateboard.security;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gateboard.security.TestAccounts.PASSWORD;
import static org.gateboard.security.TestAccounts.asAdmin;

/**
 * Inside the UI: an account change reaches an open Vaadin session on its next navigation (hole: it kept the old
 * rights until it timed out), and wall-screen accounts stay signed in on live views while desk sessions do not.
 */
class AccountChangeUiTest extends UiTest {

    @Autowired
    UserService users;

    @Test
    void aDemotedAdminLosesTheAdminViewsOnTheNextNavigation() {
        String name = TestAccounts.create(users, Role.ADMIN, Set.of());
        login(name, PASSWORD);
        navigate("admin/users");
        assertThat(LocatorJ._find(Grid.class, spec -> spec.withId("users"))).hasSize(1);

        asAdmin(() -> users.update(account(name).withChanges("Demoted", Role.OFFICIAL, Set.of(), true, false)));
        navigate("admin/audit");

        assertThat(LocatorJ._find(Grid.class, spec -> spec.withId("users"))).isEmpty();
        assertThat(LocatorJ._find(LoginForm.class)).hasSize(1);
    }

    @Test
    void aWallScreenAccountsLiveViewKeepsItSignedInADeskSessionsDoesNot() {
        login("official", "official123");
        navigate("");
        assertThat(UI.getCurrent().getPollInterval()).as("desk session: idle timeout applies").isEqualTo(-1);

        String wall = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        asAdmin(() -> users.update(account(wall).withChanges("Lobby screen", Role.OFFICIAL, Set.of(), true, true)));
        newBrowserSession();
        login(wall, PASSWORD);
        navigate("");

        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(5 * 60 * 1000);
    }

    @Test
    void disablingAWallScreenAccountEndsItsSessionAllTheSame() {
        String wall = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        asAdmin(() -> users.update(account(wall).withChanges("Lobby screen", Role.OFFICIAL, Set.of(), true, true)));
        login(wall, PASSWORD);
        navigate("");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(5 * 60 * 1000);

        asAdmin(() -> users.setEnabled(TestAccounts.idOf(users, wall), false));
        navigate("");

        assertThat(LocatorJ._find(LoginForm.class)).hasSize(1);
    }

    @Test
    void anAdminAccountCannotBeAWallScreen() {
        String name = TestAccounts.create(users, Role.ADMIN, Set.of());

        assertThatThrownBy(() -> asAdmin(() -> users.update(account(name)
                .withChanges("Admin screen", Role.ADMIN, Set.of(), true, true))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("wallScreenAdmin");
    }

    private UserAccount account(String username) {
        return asAdmin(() -> users.list().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow());
    }
}
