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

    public List<String> getLabels() {
        return labels;
    }

    public List<Dataset> getDatasets() {
        return datasets;
    }
}
