package org.gateboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.security.UserAccount;
import org.gateboard.security.UserService;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Admins manage the people who may sign in: roles, a manager's venues, passwords, and who is disabled. */
@Route("admin/users")
@Menu(order = 80, icon = "vaadin:users", title = "security.users.menu")
@RolesAllowed(Role.Names.ADMIN)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final transient UserService users;
    private final transient VenueService venueService;
    private final transient Clock clock;
    private final ZoneId zone;
    final Grid<UserAccount> grid = new Grid<>();
    private Map<Long, Venue> venuesById = Map.of();

    UsersView(UserService users, VenueService venueService, Clock clock, ZoneId venueZone) {
        this.users = users;
        this.venueService = venueService;
        this.clock = clock;
        this.zone = venueZone;
        setSizeFull();

        Button create = new Button(getTranslation("security.users.new"), VaadinIcon.PLUS.create(),
                e -> openEditor(null));
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("security.users.title")), create);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        grid.setId("users");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserAccount::username).setKey("username")
                .setHeader(getTranslation("security.users.column.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setKey("displayName")
                .setHeader(getTranslation("security.users.column.displayName")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation("security.role." + u.role().name())).setKey("role")
                .setHeader(getTranslation("security.users.column.role")).setAutoWidth(true);
        grid.addColumn(this::venuesText).setKey("venues")
                .setHeader(getTranslation("security.users.column.venues")).setFlexGrow(1);
        grid.addColumn(u -> u.wallScreen() ? getTranslation("security.users.column.wallScreen") : "")
                .setKey("wallScreen").setHeader(getTranslation("security.users.column.wallScreen")).setAutoWidth(true);
        grid.addColumn(this::statusText).setKey("status")
                .setHeader(getTranslation("security.users.column.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();

        add(header, grid);
        refresh();
    }

    void refresh() {
        venuesById = venueService.venues().stream().collect(Collectors.toMap(Venue::id, Function.identity()));
        grid.setItems(users.list());
    }

    private String venuesText(UserAccount account) {
        if (account.role().seesAllVenues()) {
            return getTranslation("security.users.allVenues");
        }
        return account.venueIds().stream().map(venuesById::get).filter(v -> v != null)
                .map(v -> v.code() + " " + v.name(getLocale())).sorted().collect(Collectors.joining(", "));
    }

    private String statusText(UserAccount account) {
        if (!account.enabled()) {
            return getTranslation("security.users.status.disabled");
        }
        if (account.lockedAt(clock.instant())) {
            return getTranslation("security.users.status.locked", TIME.format(account.lockedUntil().atZone(zone)));
        }
        return getTranslation("security.users.status.active");
    }

    private HorizontalLayout actions(UserAccount account) {
        Button edit = small(VaadinIcon.EDIT, "security.users.action.edit", "edit-", account,
                () -> openEditor(account));
        Button reset = small(VaadinIcon.KEY, "security.users.action.resetPassword", "reset-", account,
                () -> new PasswordDialog(account.username(), password -> {
                    users.resetPassword(account.id(), password);
                    done("security.users.passwordReset", account);
                }).open());
        Button toggle = account.enabled()
                ? small(VaadinIcon.BAN, "security.users.action.disable", "toggle-", account, () -> act(() ->
                        users.setEnabled(account.id(), false), "security.users.disabled", account))
                : small(VaadinIcon.CHECK, "security.users.action.enable", "toggle-", account, () -> act(() ->
                        users.setEnabled(account.id(), true), "security.users.enabled", account));
        HorizontalLayout buttons = new HorizontalLayout(edit, reset, toggle);
        if (account.lockedAt(clock.instant())) {
            buttons.add(small(VaadinIcon.UNLOCK, "security.users.action.unlock", "unlock-", account,
                    () -> act(() -> users.unlock(account.id()), "security.users.unlocked", account)));
        }
        buttons.setSpacing(false);
        return buttons;
    }

    private Button small(VaadinIcon icon, String labelKey, String idPrefix, UserAccount account, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.setTooltipText(getTranslation(labelKey));
        button.setAriaLabel(getTranslation(labelKey) + " " + account.username());
        button.setId(idPrefix + account.username());
        return button;
    }

    private void openEditor(UserAccount existing) {
        List<Venue> allVenues = venueService.venues();
        new UserDialog(allVenues, existing, input -> {
            if (existing == null) {
                users.create(new UserService.NewUser(input.username(), input.displayName(), input.password(),
                        input.role(), input.venueIds(), null));
            } else {
                users.update(existing.withChanges(input.displayName(), input.role(), input.venueIds(),
                        existing.enabled(), input.wallScreen()));
            }
            done("security.users.saved", input.username());
        }).open();
    }

    /** Runs an action on one account; a refusal (e.g. disabling oneself) is shown, not thrown. */
    private void act(Runnable change, String doneKey, UserAccount account) {
        try {
            change.run();
            done(doneKey, account);
        } catch (UserFacingException refused) {
            Notification.show(getTranslation(refused.messageKey(), refused.args()), 5000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void done(String messageKey, UserAccount account) {
        done(messageKey, account.username());
    }

    private void done(String messageKey, String username) {
        refresh();
        Notification.show(getTranslation(messageKey, username), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.users.title") + " | " + getTranslation("app.title");
    }
}
