package org.gateboard.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.internal.JacksonUtils;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A Chart.js chart ({@code frontend/src/gb-chart.ts}). Data and options travel as JSON: the data as a JSON text
 * written once per {@link Data} (so many charts can show the same data without writing it again, and the same
 * text again sends nothing), the options as a map Vaadin writes; setting new data
 * animates the chart in the browser instead of re-creating it. Labels are passed already translated; a
 * dataset names a Lumo colour role so the chart follows the theme.
 * <p>
 * A canvas says nothing to a screen reader, so the element also draws the figures as a visually hidden table
 * (one row per label, one column per dataset) and gives the canvas {@code role="img"} with a label that says
 * the table follows ({@link #setTextAlternative}).
 */
@Tag("gb-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./src/gb-chart.ts")
public class GbChart extends Component implements HasSize {

    /** A series of numbers with its (translated) label and colour role: primary, success, error, warning, contrast. */
    public record Dataset(String label, List<? extends Number> data, String colorRole) {
        public Dataset {
            data = List.copyOf(data);
        }
    }

    /**
     * Labels and datasets with the JSON text the browser receives ({@code {"labels":[...],"datasets":[...]}},
     * Chart.js's own shape), written once when built.
     */
    public record Data(List<String> labels, List<Dataset> datasets, String json) {

        public static Data of(List<String> labels, List<Dataset> datasets) {
            List<String> l = List.copyOf(labels);
            List<Dataset> d = List.copyOf(datasets);
            try {
                return new Data(l, d, JSON.writeValueAsString(new ChartData(l, d)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What the browser receives as {@code data}: Chart.js's own shape. */
    private record ChartData(List<String> labels, List<Dataset> datasets) {
    }

    /** Vaadin's own mapper, the one that writes every other element property. */
    private static final ObjectMapper JSON = JacksonUtils.getMapper();

    private Data data = Data.of(List.of(), List.of());

    public GbChart(String type) {
        getElement().setProperty("type", type);
        getElement().setProperty("data", data.json());
        setWidthFull();
        setHeight("18rem");
    }

    public void setData(List<String> labels, List<Dataset> datasets) {
        setData(Data.of(labels, datasets));
    }

    public void setData(Data data) {
        this.data = data;
        getElement().setProperty("data", data.json());
    }

    /** Chart.js options, merged over the themed defaults in the browser (e.g. {@code {"scales":{"x":{"stacked":true}}}}). */
    public void setOptions(Map<String, ?> options) {
        getElement().setPropertyMap("options", options);
    }

    /**
     * The (translated) texts a screen reader hears instead of the picture: {@code description} labels the canvas
     * and should say the figures follow as a table, {@code caption} names that table, and {@code labelHeader} heads
     * its first column, the one holding the labels (e.g. "hour").
     */
    public void setTextAlternative(String description, String caption, String labelHeader) {
        getElement().setProperty("description", description);
        getElement().setProperty("caption", caption);
        getElement().setProperty("labelHeader", labelHeader);
    }

    public String getDescription() {
        return getElement().getProperty("description", "");
    }

    public List<String> getLabels() {
        return data.labels();
    }

    public List<Dataset> getDatasets() {
        return data.datasets();
    }
}
