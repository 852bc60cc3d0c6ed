package org.gateboard.venue.ui;

import org.gateboard.base.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.venue.Device;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.VenueService;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The devices at one gate: register (token shown once), rotate the token, disable, enable, revoke. */
class DevicesPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final H3 title = new H3();
    final Paragraph hint = new Paragraph();
    final TextField label = new TextField();
    final Button register = new Button();
    final Grid<Device> grid = new Grid<>();
    final Button rotate = new Button();
    final Button toggle = new Button();
    final Button revoke = new Button();

    private final transient VenueService venues;
    private final ZoneId zone;
    private Gate gate;

    DevicesPanel(VenueService venues, ZoneId zone) {
        this.venues = venues;
        this.zone = zone;
        setPadding(false);
        setId("devices-panel");

        hint.setText(getTranslation("venue.device.chooseGate"));
        label.setLabel(getTranslation("venue.device.label"));
        label.setId("device-label");
        label.setMaxLength(64);
        label.setPlaceholder(getTranslation("venue.device.labelPlaceholder"));
        register.setText(getTranslation("venue.device.register"));
        register.setId("device-register");
        register.setIcon(VaadinIcon.PLUS.create());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(e -> register());

        rotate.setText(getTranslation("venue.device.rotate"));
        rotate.setId("device-rotate");
        rotate.setIcon(VaadinIcon.REFRESH.create());
        rotate.addClickListener(e -> confirmRotate());
        toggle.setId("device-toggle");
        toggle.addClickListener(e -> toggle());
        revoke.setText(getTranslation("venue.device.revoke"));
        revoke.setId("device-revoke");
        revoke.setIcon(VaadinIcon.BAN.create());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickListener(e -> confirmRevoke());

        grid.setId("device-grid");
        // a gate may have many devices: scroll inside the grid, not the page
        grid.setHeight("24em");
        grid.addColumn(Device::id).setHeader(getTranslation("venue.device.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Device::label).setHeader(getTranslation("venue.device.label"));
        grid.addColumn(d -> getTranslation("venue.device.status." + d.status().name()))
                .setHeader(getTranslation("venue.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> time(d.createdAt())).setHeader(getTranslation("venue.device.createdAt")).setAutoWidth(true);
        grid.addColumn(d -> time(d.tokenIssuedAt())).setHeader(getTranslation("venue.device.tokenIssuedAt"))
                .setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> updateButtons());

        HorizontalLayout registerBar = new HorizontalLayout(label, register);
        registerBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(rotate, toggle, revoke);
        add(title, hint, registerBar, grid, actions);
        show(null);
    }

    /** Shows the devices of a gate; null shows a hint to choose a gate. */
    void show(Gate gate) {
        this.gate = gate;
        boolean shown = gate != null;
        hint.setVisible(!shown);
        title.setVisible(shown);
        label.getParent().ifPresent(p -> p.setVisible(shown));
        grid.setVisible(shown);
        rotate.getParent().ifPresent(p -> p.setVisible(shown));
        if (shown) {
            title.setText(getTranslation("venue.device.title", gate.code(), gate.name(getLocale())));
            label.clear();
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(venues.devices(gate.id()));
        updateButtons();
    }

    private Device selected() {
        return grid.asSingleSelect().getValue();
    }

    private void updateButtons() {
        Device d = selected();
        boolean live = d != null && d.status() != DeviceStatus.REVOKED;
        rotate.setEnabled(live);
        revoke.setEnabled(live);
        toggle.setEnabled(live);
        toggle.setText(getTranslation(d != null && d.status() == DeviceStatus.DISABLED
                ? "venue.device.enable" : "venue.device.disable"));
    }

    private void register() {
        String text = label.getValue().trim();
        if (text.isEmpty()) {
            label.setInvalid(true);
            label.setErrorMessage(getTranslation("venue.device.error.label"));
            return;
        }
        label.setInvalid(false);
        IssuedToken issued = Feedback.attempt(() -> venues.registerDevice(gate.id(), text));
        if (issued != null) {
            label.clear();
            refresh();
            new TokenDialog(text, issued).open();
        }
    }

    private void confirmRotate() {
        Device d = selected();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("venue.device.rotate.title", d.label()),
                getTranslation("venue.device.rotate.text"), getTranslation("venue.device.rotate"), e -> {
            IssuedToken issued = Feedback.attempt(() -> venues.rotateToken(d.id()));
            if (issued != null) {
                refresh();
                new TokenDialog(d.label(), issued).open();
            }
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setId("device-rotate-confirm");
        confirm.open();
    }

    private void toggle() {
        Device d = selected();
        DeviceStatus next = d.status() == DeviceStatus.DISABLED ? DeviceStatus.ACTIVE : DeviceStatus.DISABLED;
        Device saved = Feedback.attempt(() -> venues.setDeviceStatus(d.id(), next));
        if (saved != null) {
            Feedback.success(next == DeviceStatus.ACTIVE ? "venue.device.enabled" : "venue.device.disabled",
                    saved.label());
            refresh();
        }
    }

    private void confirmRevoke() {
        Device d = selected();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("venue.device.revoke.title", d.label()),
                getTranslation("venue.device.revoke.text"), getTranslation("venue.device.revoke"), e -> {
            Device saved = Feedback.attempt(() -> venues.setDeviceStatus(d.id(), DeviceStatus.REVOKED));
            if (saved != null) {
                Feedback.success("venue.device.revoked", saved.label());
                refresh();
            }
        });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setId("device-revoke-confirm");
        confirm.open();
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.withLocale(Locale.ROOT).format(instant.atZone(zone));
    }
}
