package org.gateboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import java.util.List;
import java.util.Map;

/**
 * A Chart.js chart ({@code frontend/src/gb-chart.ts}). Data and options travel as JSON (Vaadin writes the
 * records and maps into element properties); setting new data
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

    private List<String> labels = List.of();
    private List<Dataset> datasets = List.of();

    public GbChart(String type) {
        getElement().setProperty("type", type);
        setWidthFull();
        setHeight("18rem");
    }

    /** What the browser receives as {@code data}: Chart.js's own shape. */
    private record ChartData(List<String> labels, List<Dataset> datasets) {
    }

    public void setData(List<String> labels, List<Dataset> datasets) {
        this.labels = List.copyOf(labels);
        this.datasets = List.copyOf(datasets);
        getElement().setPropertyBean("data", new ChartData(this.labels, this.datasets));
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
        return labels;
    }

    public List<Dataset> getDatasets() {
        return datasets;
    }
}
