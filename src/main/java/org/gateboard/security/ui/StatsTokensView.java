package org.gateboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.security.StatsToken;
import org.gateboard.security.StatsTokenService;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Admins give machines (big screens, scripts) their own read-only tokens for the stats API, instead of a
 * person's password, and revoke them one by one. A new token is shown once, in a dialog only a click closes.
 */
@Route("admin/stats-tokens")
@Menu(order = 85, icon = "vaadin:key", title = "security.statsTokens.menu")
@RolesAllowed(Role.Names.ADMIN)
class StatsTokensView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient StatsTokenService tokens;
    private final ZoneId zone;
    final Grid<StatsToken> grid = new Grid<>();
    final TextField label = new TextField();

    StatsTokensView(StatsTokenService tokens, ZoneId venueZone) {
        this.tokens = tokens;
        this.zone = venueZone;
        setSizeFull();

        label.setLabel(getTranslation("security.statsTokens.label"));
        label.setId("stats-token-label");
        label.setMaxLength(64);
        Button create = new Button(getTranslation("security.statsTokens.create"), VaadinIcon.PLUS.create(),
                e -> create());
        create.setId("stats-token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(label, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("stats-tokens");
        grid.addColumn(StatsToken::label).setHeader(getTranslation("security.statsTokens.column.label"))
                .setAutoWidth(true);
        grid.addColumn(t -> time(t.createdAt())).setHeader(getTranslation("security.statsTokens.column.created"))
                .setAutoWidth(true);
        grid.addColumn(StatsToken::createdBy).setHeader(getTranslation("security.statsTokens.column.createdBy"))
                .setAutoWidth(true);
        grid.addColumn(t -> time(t.lastUsedAt())).setHeader(getTranslation("security.statsTokens.column.lastUsed"))
                .setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.revoked() ? "security.statsTokens.status.revoked"
                : "security.statsTokens.status.active")).setKey("status")
                .setHeader(getTranslation("security.statsTokens.column.status")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);

        add(new H2(getTranslation("security.statsTokens.title")),
                new Paragraph(getTranslation("security.statsTokens.intro")), form, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(tokens.list());
    }

    private void create() {
        try {
            StatsToken.Issued issued = tokens.issue(label.getValue());
            label.clear();
            refresh();
            showOnce(issued);
        } catch (UserFacingException refused) {
            label.setErrorMessage(getTranslation(refused.messageKey(), refused.args()));
            label.setInvalid(true);
        }
    }

    private void showOnce(StatsToken.Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setId("stats-token-dialog");
        dialog.setHeaderTitle(issued.label());
        dialog.setCloseOnEsc(false);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(40em, 95vw)");
        Paragraph warning = new Paragraph(getTranslation("security.statsTokens.shownOnce"));
        warning.getElement().getThemeList().add("badge error");
        warning.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");
        TextField token = new TextField(getTranslation("security.statsTokens.token"));
        token.setId("stats-token-value");
        token.setValue(issued.token());
        token.setReadOnly(true);
        token.setWidthFull();
        token.addFocusListener(e -> token.getElement().executeJs("this.inputElement.select()"));
        Button done = new Button(getTranslation("security.statsTokens.close"), e -> dialog.close());
        done.setId("stats-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(warning, token);
        dialog.getFooter().add(done);
        dialog.open();
    }

    private Button revokeButton(StatsToken token) {
        Button revoke = new Button(getTranslation("security.statsTokens.revoke"), VaadinIcon.BAN.create(), e -> {
            tokens.revoke(token.id());
            refresh();
            Notification.show(getTranslation("security.statsTokens.revoked", token.label()), 3000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        revoke.setId("revoke-stats-token-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(!token.revoked());
        return revoke;
    }

    private String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant.atZone(zone));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.statsTokens.title") + " | " + getTranslation("app.title");
    }
}
