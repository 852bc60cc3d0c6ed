package org.gateboard.poster.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.poster.PosterPrinting;
import org.gateboard.poster.PosterService;
import org.gateboard.poster.PosterStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaadin.flow.spring.security.AuthenticationContext;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every venue's poster the person may see, with its published and printed versions; admins also reach the
 * channels and print every venue at once, watching the batch progress.
 */
@Route("posters")
@Menu(order = 20, icon = "vaadin:qrcode", title = "poster.menu")
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
class PostersView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(PostersView.class);

    final Grid<PosterStatus> grid = new Grid<>();
    final Select<PaperSize> batchSize = new Select<>();
    final Button batch = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span batchStatus = new Span();
    final Anchor batchDownload = new Anchor();

    private final transient PosterService posters;
    private final transient PosterPrinting printing;
    private final transient BatchJobs jobs;
    private Path batchFile;

    PostersView(PosterService posters, PosterPrinting printing, BatchJobs jobs, AuthenticationContext auth) {
        this.posters = posters;
        this.printing = printing;
        this.jobs = jobs;
        setSizeFull();
        add(new H2(getTranslation("poster.title")));

        if (auth.hasRole(Role.Names.ADMIN)) {
            Button channels = new Button(getTranslation("poster.channels.open"),
                    e -> UI.getCurrent().navigate(ChannelsView.class));
            channels.setId("poster-channels");
            batchSize.setId("poster-batch-size");
            batchSize.setLabel(getTranslation("poster.paperSize"));
            batchSize.setItems(PaperSize.values());
            batchSize.setValue(PaperSize.A4);
            batch.setText(getTranslation("poster.batch.start"));
            batch.setId("poster-batch");
            batch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            batch.addClickListener(e -> startBatch());
            progress.setId("poster-batch-progress");
            progress.setWidth("16rem");
            progress.setVisible(false);
            batchStatus.setId("poster-batch-status");
            batchDownload.setId("poster-batch-download");
            batchDownload.setText(getTranslation("poster.batch.download"));
            batchDownload.setVisible(false);
            HorizontalLayout bar = new HorizontalLayout(channels, batchSize, batch, progress, batchStatus,
                    batchDownload);
            bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            bar.getStyle().set("flex-wrap", "wrap");
            add(bar);
        }

        grid.setId("poster-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PosterStatus::venueCode).setHeader(getTranslation("poster.venueCode")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> "en".equals(getLocale().getLanguage()) ? s.venueNameEn() : s.venueNameZh())
                .setHeader(getTranslation("poster.venue")).setFlexGrow(2);
        grid.addColumn(s -> s.publishedVersion() == null ? "–" : "v" + s.publishedVersion())
                .setHeader(getTranslation("poster.published")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.printedVersion() == null ? "–" : "v" + s.printedVersion())
                .setHeader(getTranslation("poster.printed")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation(s.outdated() ? "poster.state.outdated"
                        : s.publishedVersion() == null ? "poster.state.none" : "poster.state.current"))
                .setHeader(getTranslation("poster.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> UI.getCurrent().navigate("posters/" + e.getItem().venueId()));
        add(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(posters.statuses());
    }

    /** Writes the batch to a temporary file on a worker thread; the page follows its progress by server push. */
    private void startBatch() {
        UI ui = UI.getCurrent();
        PaperSize size = batchSize.getValue();
        batch.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        batchDownload.setVisible(false);
        batchStatus.setText(getTranslation("poster.batch.running"));
        deleteBatchFile();
        jobs.submit(() -> {
            try {
                Path file = Files.createTempFile("gateboard-posters-", ".pdf");
                PosterPrinting.BatchResult result;
                try (OutputStream out = Files.newOutputStream(file)) {
                    result = printing.printBatch(size, out, (done, total) -> ui.access(() -> {
                        progress.setValue(total == 0 ? 1 : (double) done / total);
                        batchStatus.setText(getTranslation("poster.batch.progress", done, total));
                    }));
                }
                ui.access(() -> finished(file, result, size));
            } catch (IOException | RuntimeException e) {
                log.error("Batch print failed", e);
                ui.access(() -> {
                    batch.setEnabled(true);
                    progress.setVisible(false);
                    batchStatus.setText(getTranslation("poster.batch.failed"));
                });
            }
        });
    }

    private void finished(Path file, PosterPrinting.BatchResult result, PaperSize size) {
        batchFile = file;
        batch.setEnabled(true);
        progress.setValue(1);
        batchStatus.setText(getTranslation("poster.batch.done", result.venues()));
        batchDownload.setHref(DownloadHandler.forFile(file.toFile(), "posters-" + size + ".pdf"));
        batchDownload.setVisible(true);
        refresh();
    }

    private void deleteBatchFile() {
        if (batchFile != null) {
            try {
                Files.deleteIfExists(batchFile);
            } catch (IOException e) {
                log.warn("Could not delete {}", batchFile, e);
            }
            batchFile = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        deleteBatchFile();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("poster.title") + " | " + getTranslation("app.title");
    }
}
