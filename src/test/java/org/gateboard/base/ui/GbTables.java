package org.gateboard.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What a {@link GbTable} shows, read back from the JSON texts the browser receives. */
public final class GbTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GbTables() {
    }

    /** The headers as shown. */
    public static List<String> headers(GbTable table) {
        List<String> headers = new ArrayList<>();
        read(table, "columns").forEach(c -> headers.add(c.path("header").asText()));
        return headers;
    }

    /** The rows as shown. */
    public static List<List<GbTable.Cell>> rows(GbTable table) {
        List<List<GbTable.Cell>> rows = new ArrayList<>();
        for (JsonNode row : read(table, "rows")) {
            List<GbTable.Cell> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.isObject() ? new GbTable.Cell(c.path("text").asText(), c.path("tone").asText())
                    : GbTable.Cell.of(c.asText())));
            rows.add(cells);
        }
        return rows;
    }

    /** The row whose first cell reads {@code label}, as texts; empty if there is none. */
    public static List<String> row(GbTable table, String label) {
        return rows(table).stream().filter(r -> !r.isEmpty() && r.get(0).text().equals(label)).findFirst()
                .map(r -> r.stream().map(GbTable.Cell::text).toList()).orElse(List.of());
    }

    private static JsonNode read(GbTable table, String property) {
        try {
            return JSON.readTree(table.getElement().getProperty(property, "[]"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
