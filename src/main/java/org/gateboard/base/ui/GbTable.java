package org.gateboard.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.internal.JacksonUtils;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small read-only table drawn in the browser ({@code frontend/src/gb-table.ts}), for figures a wall screen
 * shows all day. The server keeps only the columns and rows as two JSON texts per table, instead of a Grid's
 * data communicator and per-column state or a state node per cell, and a push sends a table only when its
 * text changed. Cells are plain text or a badge in a Lumo tone; the browser never reads them as HTML.
 * <p>
 * For screen readers the header cells are column headers ({@code scope="col"}), the first cell of each row is
 * its row header ({@code scope="row"}), in a {@link #figures()} table the label of its value, and the table is
 * named by a caption, which views set to the text of the heading above it ({@link #setCaption}).
 */
@Tag("gb-table")
@JsModule("./src/gb-table.ts")
public class GbTable extends Component implements HasSize {

    /** Vaadin's own mapper, the one that writes every other element property. */
    private static final ObjectMapper JSON = JacksonUtils.getMapper();

    /** A column's (translated) header; numeric columns are right-aligned with even digits. */
    public record Column(String header, boolean numeric) {

        public static Column text(String header) {
            return new Column(header, false);
        }

        public static Column number(String header) {
            return new Column(header, true);
        }
    }

    /** A cell's text, drawn as a badge when it has a tone: success, error, warning or contrast. */
    public record Cell(String text, String tone) {

        public static Cell of(String text) {
            return new Cell(text, null);
        }

        public static Cell badge(String text, String tone) {
            return new Cell(text, tone);
        }
    }

    /**
     * Columns already written as the browser reads them: built once, they can be shown by any number of tables
     * (e.g. every open screen of one venue) without being written again.
     */
    public record Columns(String json) {

        public static Columns of(List<Column> columns) {
            return new Columns(write(columns.stream()
                    .map(c -> c.numeric() ? Map.of("header", c.header(), "numeric", true) : Map.of("header", c.header()))
                    .toList()));
        }
    }

    /** Rows already written as the browser reads them, to be shown by any number of tables; see {@link Columns}. */
    public record Rows(String json) {

        public static Rows of(List<List<Cell>> rows) {
            List<List<Object>> json = new ArrayList<>(rows.size());
            for (List<Cell> row : rows) {
                json.add(row.stream().<Object>map(c -> c.tone() == null ? c.text()
                        : Map.of("text", c.text(), "tone", c.tone())).toList());
            }
            return new Rows(write(json));
        }
    }

    /** A table with a header row. */
    public GbTable(List<Column> columns) {
        setColumns(columns);
    }

    /** A table of label and value pairs without a header row, for a list of figures. */
    public static GbTable figures() {
        GbTable table = new GbTable(List.of(Column.text(""), Column.number("")));
        table.getElement().setProperty("headless", true);
        return table;
    }

    /** A row of a {@link #figures()} table: the (translated) label and its value. */
    public static List<Cell> figure(String label, String value) {
        return List.of(Cell.of(label), Cell.of(value));
    }

    /**
     * The table's accessible name, read out before its rows: the (translated) heading it sits under. The caption
     * is visually hidden, as the heading already shows it; a heading's id cannot name a table inside the
     * element's shadow root.
     */
    public void setCaption(String caption) {
        getElement().setProperty("caption", caption == null ? "" : caption);
    }

    public String getCaption() {
        return getElement().getProperty("caption", "");
    }

    public void setColumns(List<Column> columns) {
        setColumns(Columns.of(columns));
    }

    /** Sets the columns; the same text again changes nothing, so nothing is sent. */
    public void setColumns(Columns columns) {
        getElement().setProperty("columns", columns.json());
    }

    public void setRows(List<List<Cell>> rows) {
        setRows(Rows.of(rows));
    }

    /** Sets the rows; the same text again changes nothing, so nothing is sent. */
    public void setRows(Rows rows) {
        getElement().setProperty("rows", rows.json());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
