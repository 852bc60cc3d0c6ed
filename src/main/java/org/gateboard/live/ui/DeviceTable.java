package org.gateboard.live.ui;

import org.gateboard.base.ui.GbTable;
import org.gateboard.live.DeviceHealth;
import org.gateboard.venue.DeviceStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Per device: online or not, last contact, backlog, clock skew, policy version (flagged when outdated),
 * and the shown day's non-conforming verdicts. Health is the device's state now, so a past day shows only
 * the non-conforming count beside the device.
 */
class DeviceTable extends GbTable {

    DeviceTable() {
        super(List.of());
        setId("devices");
    }

    /** Shows columns and rows built by {@link #columns} and {@link #rows}; what did not change is not sent. */
    void show(Columns columns, Rows rows) {
        setColumns(columns);
        setRows(rows);
    }

    static Columns columns(boolean live, Texts texts) {
        List<Column> columns = new ArrayList<>(List.of(Column.text(texts.get("live.device")),
                Column.text(texts.get("live.gate"))));
        if (live) {
            columns.addAll(List.of(Column.text(texts.get("live.status")),
                    Column.text(texts.get("live.device.lastContact")), Column.number(texts.get("live.device.backlog")),
                    Column.number(texts.get("live.device.clockSkew")), Column.text(texts.get("live.device.policy"))));
        }
        columns.add(Column.number(texts.get("live.nonConforming")));
        return Columns.of(columns);
    }

    /** {@code today}: the day a last contact is shown without its date. */
    static Rows rows(List<DeviceHealth> devices, boolean live, LocalDate today, Texts texts, Formats formats) {
        return Rows.of(devices.stream().map(d -> row(d, live, today, texts, formats)).toList());
    }

    private static List<Cell> row(DeviceHealth d, boolean live, LocalDate today, Texts texts, Formats formats) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(d.device().label()), Cell.of(d.gateCode())));
        if (live) {
            cells.add(status(d, texts));
            cells.add(Cell.of(formats.time(d.lastContact(), today)));
            cells.add(Cell.of(d.backlog() == null ? "–" : formats.count(d.backlog())));
            cells.add(Cell.of(d.clockSkewMs() == null ? "–"
                    : texts.get("live.seconds", formats.decimal(d.clockSkewMs() / 1000.0))));
            cells.add(policy(d, texts));
        }
        cells.add(Cell.of(formats.count(d.nonConforming())));
        return cells;
    }

    private static Cell status(DeviceHealth d, Texts texts) {
        if (d.device().status() != DeviceStatus.ACTIVE) {
            return Cell.badge(texts.get("venue.device.status." + d.device().status().name()), "contrast");
        }
        return d.online() ? Cell.badge(texts.get("live.online"), "success")
                : Cell.badge(texts.get("live.offline"), "error");
    }

    private static Cell policy(DeviceHealth d, Texts texts) {
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
