package org.gateboard.live.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.gateboard.live.DeviceHealth;
import org.gateboard.venue.DeviceStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per device: online or not, last contact, backlog, clock skew, policy version (flagged when outdated),
 * and the shown day's non-conforming verdicts. Health is the device's state now, so a past day shows only
 * the non-conforming count beside the device.
 */
class DeviceGrid extends Grid<DeviceHealth> {

    private final List<Column<DeviceHealth>> liveColumns;

    DeviceGrid(Texts texts, Formats formats, Supplier<LocalDate> today) {
        setId("devices");
        addColumn(d -> d.device().label()).setHeader(texts.get("live.device")).setFlexGrow(2);
        addColumn(DeviceHealth::gateCode).setHeader(texts.get("live.gate"));
        liveColumns = List.of(
                addColumn(Badges.<DeviceHealth>renderer(d -> status(d, texts))).setHeader(texts.get("live.status")),
                addColumn(d -> formats.time(d.lastContact(), today.get())).setHeader(texts.get("live.device.lastContact")),
                addColumn(d -> d.backlog() == null ? "–" : formats.count(d.backlog()))
                        .setHeader(texts.get("live.device.backlog")),
                addColumn(d -> d.clockSkewMs() == null ? "–"
                        : texts.get("live.seconds", formats.decimal(d.clockSkewMs() / 1000.0)))
                        .setHeader(texts.get("live.device.clockSkew")),
                addColumn(Badges.<DeviceHealth>renderer(d -> policy(d, texts))).setHeader(texts.get("live.device.policy")));
        addColumn(d -> formats.count(d.nonConforming())).setHeader(texts.get("live.nonConforming"));
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    }

    private static Badges.Label status(DeviceHealth d, Texts texts) {
        if (d.device().status() != DeviceStatus.ACTIVE) {
            return new Badges.Label(texts.get("live.device.status." + d.device().status().name()), "contrast");
        }
        return d.online() ? new Badges.Label(texts.get("live.online"), "success")
                : new Badges.Label(texts.get("live.offline"), "error");
    }

    private static Badges.Label policy(DeviceHealth d, Texts texts) {
        if (d.policyVersion() == null) {
            return new Badges.Label("–", null);
        }
        if (d.policyOutdated()) {
            return new Badges.Label(texts.get("live.device.policyOutdated", d.policyVersion(),
                    d.currentPolicyVersion()), "error");
        }
        return new Badges.Label(String.valueOf(d.policyVersion()), null);
    }

    void show(List<DeviceHealth> rows, boolean live) {
        liveColumns.forEach(c -> c.setVisible(live));
        setItems(rows);
    }
}
