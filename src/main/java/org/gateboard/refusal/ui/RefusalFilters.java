package org.gateboard.refusal.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import org.gateboard.refusal.RefusalSearch;
import org.gateboard.refusal.ReviewStatus;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;

import java.time.ZoneId;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The search conditions. The ID number is typed into a field that the browser neither shows nor remembers,
 * and goes only into the search sent to the server: never into the URL.
 */
class RefusalFilters extends FormLayout {

    final DateTimePicker from = new DateTimePicker();
    final DateTimePicker to = new DateTimePicker();
    final ComboBox<Venue> venue = new ComboBox<>();
    final ComboBox<Gate> gate = new ComboBox<>();
    final MultiSelectComboBox<RefusalReason> reasons = new MultiSelectComboBox<>();
    final ComboBox<PersonRole> role = new ComboBox<>();
    final ComboBox<Channel> channel = new ComboBox<>();
    final Checkbox nonConformingOnly = new Checkbox();
    final Select<ReviewStatus> status = new Select<>();
    final PasswordField idNumber = new PasswordField();
    private final ZoneId zone;

    RefusalFilters(List<Venue> venues, LongFunction<List<Gate>> gatesOf, ZoneId zone) {
        this.zone = zone;
        from.setLabel(getTranslation("refusal.filter.from"));
        to.setLabel(getTranslation("refusal.filter.to"));
        venue.setLabel(getTranslation("refusal.filter.venue"));
        venue.setItems(venues);
        venue.setItemLabelGenerator(v -> v.code() + " " + v.name(getLocale()));
        venue.setClearButtonVisible(true);
        gate.setLabel(getTranslation("refusal.filter.gate"));
        gate.setItemLabelGenerator(g -> g.code() + " " + g.name(getLocale()));
        gate.setClearButtonVisible(true);
        gate.setEnabled(false);
        venue.addValueChangeListener(e -> {
            gate.clear();
            gate.setItems(e.getValue() == null ? List.of() : gatesOf.apply(e.getValue().id()));
            gate.setEnabled(e.getValue() != null);
        });
        reasons.setLabel(getTranslation("refusal.filter.reasons"));
        reasons.setItems(RefusalReason.values());
        reasons.setItemLabelGenerator(r -> getTranslation("verdict.reason." + r.name()));
        role.setLabel(getTranslation("refusal.filter.role"));
        role.setItems(PersonRole.values());
        role.setItemLabelGenerator(r -> getTranslation("verdict.role." + r.name()));
        role.setClearButtonVisible(true);
        channel.setLabel(getTranslation("refusal.filter.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("verdict.channel." + c.name()));
        channel.setClearButtonVisible(true);
        nonConformingOnly.setLabel(getTranslation("refusal.filter.nonConforming"));
        status.setLabel(getTranslation("refusal.filter.status"));
        status.setItems(ReviewStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("refusal.filter.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("refusal.filter.any")
                : getTranslation("refusal.status." + s.name()));
        idNumber.setLabel(getTranslation("refusal.filter.idNumber"));
        idNumber.setHelperText(getTranslation("refusal.filter.idNumber.help"));
        idNumber.setRevealButtonVisible(false);
        idNumber.getElement().setAttribute("autocomplete", "off");
        idNumber.setMaxLength(20);
        add(from, to, venue, gate, reasons, role, channel, status, idNumber, nonConformingOnly);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3), new ResponsiveStep("70em", 5));
    }

    RefusalSearch search() {
        return new RefusalSearch(
                from.getValue() == null ? null : from.getValue().atZone(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().atZone(zone).toInstant(),
                venue.getValue() == null ? null : venue.getValue().code(),
                gate.getValue() == null ? null : gate.getValue().id(),
                reasons.getValue(), role.getValue(), channel.getValue(),
                nonConformingOnly.getValue() ? Boolean.TRUE : null, status.getValue(), idNumber.getValue());
    }
}
