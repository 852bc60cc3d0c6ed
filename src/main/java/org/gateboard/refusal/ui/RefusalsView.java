package org.gateboard.refusal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.UserFacingException;
import org.gateboard.refusal.ExportFormat;
import org.gateboard.refusal.RefusalExport;
import org.gateboard.refusal.RefusalItem;
import org.gateboard.refusal.RefusalSearch;
import org.gateboard.refusal.RefusalService;
import org.gateboard.refusal.ReviewStatus;
import org.gateboard.security.CurrentUser;
import org.gateboard.venue.VenueService;

import java.io.OutputStream;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Refusals newest first, loaded page by page (keyset) as the person scrolls, with the search conditions,
 * bulk disposition of the selected rows (officials) and export of the whole search to CSV or XLSX with its progress.
 */
@Route("refusals")
@Menu(order = 40, icon = "vaadin:search", title = "refusal.menu")
@RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
class RefusalsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 50;

    final RefusalFilters filters;
    final Button search = new Button();
    final Grid<RefusalItem> grid = new Grid<>();
    final Button bulk = new Button();
    final Anchor export = new Anchor();
    final Select<ExportFormat> exportFormat = new Select<>();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Span error = new Span();

    private final transient RefusalService refusals;
    private final transient RefusalExport exporter;
    private final ZoneId zone;
    private final boolean official;
    private RefusalSearch current = RefusalSearch.everything();
    // read by the download, which runs outside the session lock
    private volatile ExportFormat format = ExportFormat.CSV;
    /** The refusals an official has ticked for a bulk disposition. */
    private final Set<UUID> selected = new LinkedHashSet<>();

    RefusalsView(RefusalService refusals, RefusalExport exporter, VenueService venues, CurrentUser user,
                 ZoneId venueZone) {
        this.refusals = refusals;
        this.exporter = exporter;
        this.zone = venueZone;
        this.official = user.require().role() == Role.OFFICIAL;
        setSizeFull();
        filters = new RefusalFilters(refusals.visibleVenues(), venues::gates, zone);
        search.setText(getTranslation("refusal.search"));
        search.setIcon(VaadinIcon.SEARCH.create());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        search.addClickListener(e -> runSearch());
        error.setId("refusal-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        export.setText(getTranslation("refusal.export"));
        export.setHref((DownloadHandler) event -> {
            ExportFormat f = format;
            event.setFileName(f.fileName());
            event.setContentType(f.contentType());
            exportTo(current, f, event.getOutputStream(), event.getUI());
        });
        exportFormat.setItems(ExportFormat.values());
        exportFormat.setItemLabelGenerator(f -> getTranslation("refusal.export.format." + f.name()));
        exportFormat.setValue(ExportFormat.CSV);
        exportFormat.setAriaLabel(getTranslation("refusal.export.format"));
        exportFormat.setWidth("9em");
        exportFormat.addValueChangeListener(e -> format = e.getValue() == null ? ExportFormat.CSV : e.getValue());
        progress.setVisible(false);
        progress.setWidth("12em");

        bulk.setText(getTranslation("refusal.bulk"));
        bulk.setVisible(official);
        bulk.setEnabled(false);
        bulk.addClickListener(e -> new BulkDialog(refusals, List.copyOf(selected), () -> {
            selected.clear();
            bulk.setEnabled(false);
            grid.getDataProvider().refreshAll();
        }).open());

        HorizontalLayout actions = new HorizontalLayout(search, bulk, exportFormat, export, progress, progressText, error);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        configureGrid();
        add(new H2(getTranslation("refusal.title")), filters, actions, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("refusal-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (official) {
            // Vaadin's selection column (24.9) names its boxes "Select Row" in English only, and on the element
            // where screen readers do not find it; these boxes are named in the reader's language.
            grid.addComponentColumn(this::selectBox).setKey("select").setHeader(getTranslation("refusal.select"))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(i -> Texts.time(i.scannedAt(), zone)).setHeader(getTranslation("refusal.col.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RefusalItem::venueCode).setHeader(getTranslation("refusal.col.venue")).setAutoWidth(true);
        grid.addColumn(RefusalItem::gateCode).setHeader(getTranslation("refusal.col.gate")).setAutoWidth(true);
        grid.addColumn(i -> Texts.reasons(this, i.reasons())).setHeader(getTranslation("refusal.col.reasons"));
        grid.addColumn(i -> i.temperatureC() == null ? "" : i.temperatureC() + " °C")
                .setHeader(getTranslation("refusal.col.temperature")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("verdict.role." + i.personRole().name()))
                .setHeader(getTranslation("refusal.col.role")).setAutoWidth(true);
        grid.addColumn(i -> i.channel() == null ? "" : getTranslation("verdict.channel." + i.channel().name()))
                .setHeader(getTranslation("refusal.col.channel"));
        grid.addColumn(i -> Texts.orDash(i.idNumberMasked())).setHeader(getTranslation("refusal.col.idNumber"))
                .setAutoWidth(true);
        grid.addColumn(i -> Texts.orDash(i.personName())).setHeader(getTranslation("refusal.col.name"))
                .setAutoWidth(true);
        grid.addColumn(i -> Texts.rules(this, i.nonConformance())).setHeader(getTranslation("refusal.col.nonConformance"));
        grid.addColumn(i -> i.review() == null ? getTranslation("refusal.status.UNREVIEWED")
                : getTranslation("refusal.status." + i.review().disposition().name()))
                .setHeader(getTranslation("refusal.col.review")).setAutoWidth(true);
        grid.setPageSize(PAGE);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(RefusalDetailView.class,
                new com.vaadin.flow.router.RouteParameters("verdictId", e.getItem().verdictId().toString())));
        showSearch(current);
    }

    private Checkbox selectBox(RefusalItem item) {
        Checkbox box = new Checkbox(selected.contains(item.verdictId()));
        box.setAriaLabel(getTranslation("refusal.select.row", Texts.time(item.scannedAt(), zone), item.venueCode(),
                item.gateCode()));
        box.addValueChangeListener(e -> {
            if (e.getValue()) {
                selected.add(item.verdictId());
            } else {
                selected.remove(item.verdictId());
            }
            bulk.setEnabled(!selected.isEmpty());
        });
        return box;
    }

    void runSearch() {
        RefusalSearch s = filters.search();
        try {
            refusals.validate(s);
        } catch (UserFacingException e) {
            error.setText(getTranslation(e.messageKey(), e.args()));
            return;
        }
        error.setText("");
        showSearch(s);
    }

    private void showSearch(RefusalSearch s) {
        current = s;
        selected.clear();
        bulk.setEnabled(false);
        KeysetPager pager = new KeysetPager((after, limit) -> refusals.search(s, after, limit));
        // no count: the list may be millions long; the grid asks for more as the person scrolls
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()));
    }

    /** Writes the current search as CSV, showing its progress in the view while it runs. */
    long exportTo(RefusalSearch s, OutputStream out, UI ui) {
        return exportTo(s, ExportFormat.CSV, out, ui);
    }

    /** Writes the current search in {@code f}, showing its progress in the view while it runs. */
    long exportTo(RefusalSearch s, ExportFormat f, OutputStream out, UI ui) {
        long total = refusals.count(s.withReviewStatus(null));
        ui.access(() -> {
            progress.setVisible(true);
            progress.setValue(0);
            progressText.setText(getTranslation("refusal.export.progress", 0, total));
        });
        long[] shown = {0};
        long rows = exporter.export(s, f, out, n -> {
            long now = System.nanoTime();
            if (now - shown[0] > 200_000_000L) {
                shown[0] = now;
                ui.access(() -> {
                    progress.setValue(total == 0 ? 1 : Math.min(1.0, (double) n / total));
                    progressText.setText(getTranslation("refusal.export.progress", n, total));
                });
            }
        });
        ui.access(() -> {
            progress.setValue(1);
            progressText.setText(getTranslation("refusal.export.done", rows));
        });
        return rows;
    }

    /** The format the next download writes, as chosen. */
    ExportFormat exportFormat() {
        return format;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        params.getSingleParameter("venue").flatMap(code -> filters.venue.getListDataView().getItems()
                .filter(v -> v.code().equals(code)).findFirst()).ifPresent(filters.venue::setValue);
        params.getSingleParameter("status").flatMap(RefusalsView::status).ifPresent(filters.status::setValue);
        if (!params.getParameters().isEmpty()) {
            runSearch();
        }
    }

    private static java.util.Optional<ReviewStatus> status(String text) {
        return java.util.Arrays.stream(ReviewStatus.values()).filter(s -> s.name().equals(text)).findFirst();
    }

    static void notify(String text, boolean ok) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refusal.title");
    }

    List<RefusalItem> shownItems() {
        return grid.getGenericDataView().getItems().toList();
    }
}
