package org.gateboard.live.ui;

import org.gateboard.base.ui.GbTable;
import org.gateboard.live.DeviceHealth;
import org.gateboard.venue.DeviceStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per device: online or not, last contact, backlog, clock skew, policy version (flagged when outdated),
 * and the shown day's non-conforming verdicts. Health is the device's state now, so a past day shows only
 * the non-conforming count beside the device.
 */
class DeviceTable extends GbTable {

    private final Texts texts;
    private final Formats formats;
    private final Supplier<LocalDate> today;

    DeviceTable(Texts texts, Formats formats, Supplier<LocalDate> today) {
        super(List.of());
        this.texts = texts;
        this.formats = formats;
        this.today = today;
        setId("devices");
    }

    void show(List<DeviceHealth> devices, boolean live) {
        // the same columns again change nothing in the browser: a push sends a property only when it differs
        List<Column> columns = new ArrayList<>(List.of(Column.text(texts.get("live.device")),
                Column.text(texts.get("live.gate"))));
        if (live) {
            columns.addAll(List.of(Column.text(texts.get("live.status")),
                    Column.text(texts.get("live.device.lastContact")), Column.number(texts.get("live.device.backlog")),
                    Column.number(texts.get("live.device.clockSkew")), Column.text(texts.get("live.device.policy"))));
        }
        columns.add(Column.number(texts.get("live.nonConforming")));
        setColumns(columns);
        setRows(devices.stream().map(d -> row(d, live)).toList());
    }

    private List<Cell> row(DeviceHealth d, boolean live) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(d.device().label()), Cell.of(d.gateCode())));
        if (live) {
            cells.add(status(d));
            cells.add(Cell.of(formats.time(d.lastContact(), today.get())));
            cells.add(Cell.of(d.backlog() == null ? "–" : formats.count(d.backlog())));
            cells.add(Cell.of(d.clockSkewMs() == null ? "–"
                    : texts.get("live.seconds", formats.decimal(d.clockSkewMs() / 1000.0))));
            cells.add(policy(d));
        }
        cells.add(Cell.of(formats.count(d.nonConforming())));
        return cells;
    }

    private Cell status(DeviceHealth d) {
        if (d.device().status() != DeviceStatus.ACTIVE) {
            return Cell.badge(texts.get("venue.device.status." + d.device().status().name()), "contrast");
        }
        return d.online() ? Cell.badge(texts.get("live.online"), "success")
                : Cell.badge(texts.get("live.offline"), "error");
    }

    private Cell policy(DeviceHealth d) {
        if (d.policyVersion() == null) {
            return Cell.of("–");
        }
        if (d.policyOutdated()) {
            return Cell.badge(texts.get("live.device.policyOutdated", d.policyVersion(), d.currentPolicyVersion()),
                    "error");
        }
        return Cell.of(String.valueOf(d.policyVersion()));
    }
}
