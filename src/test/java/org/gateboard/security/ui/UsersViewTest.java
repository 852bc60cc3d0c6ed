package org.gateboard.security.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserAccount;
import org.gateboard.security.UserService;
import org.gateboard.testsupport.UiTest;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.security.TestAccounts.asAdmin;

class UsersViewTest extends UiTest {

    @Autowired
    UserService users;
    @Autowired
    VenueService venues;
    @Autowired
    AuditService audit;

    @BeforeEach
    void openAsAdmin() {
        login("admin", "admin123");
        navigate("admin/users");
    }

    @Test
    void listsTheAccountsWithTheirRoles() {
        UsersView view = LocatorJ._get(UsersView.class);
        assertThat(GridKt._findAll(view.grid)).extracting(UserAccount::username)
                .contains("admin", "official", "manager");
    }

    @Test
    void anAdminCreatesAVenueManagerForTwoVenues() {
        Set<Venue> two = venues.venues().stream().filter(v -> Set.of("PD", "MH").contains(v.code()))
                .collect(Collectors.toSet());
        String name = TestAccounts.uniqueName("pd-manager");

        _click(button("new-user"));
        fill(name, "浦东 张经理", Role.MANAGER, "initial-pass-1");
        _setValue(venuesField(), two);
        _click(button("user-save"));

        UserAccount created = find(name).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.MANAGER);
        assertThat(created.displayName()).isEqualTo("浦东 张经理");
        assertThat(created.venueIds()).isEqualTo(two.stream().map(Venue::id).collect(Collectors.toSet()));
        assertThat(audit.latest(50, 0)).anySatisfy(entry -> {
            assertThat(entry.entityType()).isEqualTo("user");
            assertThat(entry.entityId()).isEqualTo(String.valueOf(created.id()));
            assertThat(entry.action()).isEqualTo("create");
            assertThat(entry.actor()).isEqualTo("admin");
        });
        assertThat(login(name, "initial-pass-1").isAuthenticated()).isTrue();
    }

    @Test
    void aTooShortPasswordIsExplainedInTheDialogAndNothingIsStored() {
        String name = TestAccounts.uniqueName("short-pw");

        _click(button("new-user"));
        fill(name, "Short Password", Role.OFFICIAL, "1234");
        _click(button("user-save"));

        Span error = LocatorJ._get(Span.class, spec -> spec.withId("user-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("密码须为 8-72 个字符（一个汉字按三个字符计）。");
        assertThat(LocatorJ._find(TextField.class, spec -> spec.withId("user-username"))).hasSize(1);
        assertThat(find(name)).isEmpty();
    }

    @Test
    void aManagerWithoutVenuesIsRefused() {
        String name = TestAccounts.uniqueName("no-venue");

        _click(button("new-user"));
        fill(name, "No Venue", Role.MANAGER, "initial-pass-1");
        _click(button("user-save"));

        assertThat(LocatorJ._get(Span.class, spec -> spec.withId("user-error")).getText())
                .isEqualTo("场所管理员须至少分配一个场所。");
        assertThat(find(name)).isEmpty();
    }

    @Test
    void anAdminChangesAManagerIntoAnOfficial() {
        long pd = venueId("PD");
        String name = TestAccounts.create(users, Role.MANAGER, Set.of(pd));
        refreshView();

        _click(button("edit-" + name));
        _setValue(LocatorJ._get(TextField.class, spec -> spec.withId("user-display-name")), "监管处 赵科员");
        _setValue(roleField(), Role.OFFICIAL);
        _click(button("user-save"));

        UserAccount changed = find(name).orElseThrow();
        assertThat(changed.role()).isEqualTo(Role.OFFICIAL);
        assertThat(changed.displayName()).isEqualTo("监管处 赵科员");
        assertThat(changed.venueIds()).isEmpty();
    }

    @Test
    void anAdminResetsAPasswordAndTheOldOneStopsWorking() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        refreshView();

        _click(button("reset-" + name));
        _setValue(LocatorJ._get(PasswordField.class, spec -> spec.withId("reset-password")), "brand-new-pass");
        _click(button("reset-save"));

        assertThat(login(name, "brand-new-pass").isAuthenticated()).isTrue();
    }

    @Test
    void anAdminDisablesAndEnablesAnAccount() {
        String name = TestAccounts.create(users, Role.OFFICIAL, Set.of());
        refreshView();

        _click(button("toggle-" + name));
        assertThat(find(name).orElseThrow().enabled()).isFalse();
        String id = String.valueOf(TestAccounts.idOf(users, name));
        assertThat(audit.latest(50, 0)).anySatisfy(entry -> {
            assertThat(entry.entityId()).isEqualTo(id);
            assertThat(entry.action()).isEqualTo("disable");
        });

        refreshView();
        _click(button("toggle-" + name));
        assertThat(find(name).orElseThrow().enabled()).isTrue();
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        _click(button("toggle-admin"));

        assertThat(find("admin").orElseThrow().enabled()).isTrue();
    }

    private void fill(String username, String displayName, Role role, String password) {
        _setValue(LocatorJ._get(TextField.class, spec -> spec.withId("user-username")), username);
        _setValue(LocatorJ._get(TextField.class, spec -> spec.withId("user-display-name")), displayName);
        _setValue(roleField(), role);
        _setValue(LocatorJ._get(PasswordField.class, spec -> spec.withId("user-password")), password);
    }

    @SuppressWarnings("unchecked")
    private static Select<Role> roleField() {
        return LocatorJ._get(Select.class, spec -> spec.withId("user-role"));
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<Venue> venuesField() {
        return LocatorJ._get(MultiSelectComboBox.class, spec -> spec.withId("user-venues"));
    }

    /** Buttons in grid rows are rendered on demand: look in the row's actions cell as well as the page. */
    private static Button button(String id) {
        Optional<Button> onPage = LocatorJ._find(Button.class, spec -> spec.withId(id)).stream().findFirst();
        if (onPage.isPresent()) {
            return onPage.get();
        }
        UsersView view = LocatorJ._get(UsersView.class);
        for (int row = 0; row < GridKt._size(view.grid); row++) {
            var cell = GridKt._getCellComponent(view.grid, row, "actions");
            Optional<Button> inRow = LocatorJ._find(cell, Button.class, spec -> spec.withId(id)).stream().findFirst();
            if (inRow.isPresent()) {
                return inRow.get();
            }
        }
        throw new AssertionError("No button " + id);
    }

    private static void refreshView() {
        LocatorJ._get(UsersView.class).refresh();
    }

    private Optional<UserAccount> find(String username) {
        return asAdmin(() -> users.list().stream().filter(u -> u.username().equals(username)).findFirst());
    }

    private long venueId(String code) {
        return venues.venues().stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow().id();
    }
}
