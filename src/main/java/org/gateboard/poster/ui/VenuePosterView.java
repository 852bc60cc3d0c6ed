package org.gateboard.poster.ui;

import org.gateboard.base.ui.Feedback;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.poster.ChannelDefinition;
import org.gateboard.poster.PosterDraft;
import org.gateboard.poster.PosterLanguage;
import org.gateboard.poster.PosterPrinting;
import org.gateboard.poster.PosterService;
import org.gateboard.poster.PosterVersion;
import org.gateboard.venue.Venue;
import org.gateboard.verdict.Channel;

import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One venue's poster: the draft form (managers of the venue and admins), a picture of the PDF the draft would
 * print, publishing, the published version's prints and the history. Officials read it. Another manager's
 * venue answers "not found", as an unknown one does.
 */
@Route("posters/:venueId([0-9]{1,18})")
@RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
class VenuePosterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final TextField controlPointZh = new TextField();
    final TextField controlPointEn = new TextField();
    final TextField locationZh = new TextField();
    final TextField locationEn = new TextField();
    final TextArea notesZh = new TextArea();
    final TextArea notesEn = new TextArea();
    final CheckboxGroup<Channel> channels = new CheckboxGroup<>();
    final Select<PaperSize> paperSize = new Select<>();
    final Select<PosterLanguage> language = new Select<>();
    final Button save = new Button();
    final TextField reason = new TextField();
    final Button publish = new Button();
    final Image preview = new Image();
    final Span publishedInfo = new Span();
    final HorizontalLayout prints = new HorizontalLayout();
    final HistoryGrid history;

    private final transient PosterService posters;
    private final transient PosterPrinting printing;
    private final boolean canEdit;
    private Venue venue;
    private int draftVersion;
    private Map<Channel, ChannelDefinition> definitions = Map.of();

    VenuePosterView(PosterService posters, PosterPrinting printing, AuthenticationContext auth, ZoneId zone) {
        this.posters = posters;
        this.printing = printing;
        this.canEdit = auth.hasAnyRole(Role.Names.ADMIN, Role.Names.MANAGER);
        this.history = new HistoryGrid(this::getTranslation, zone);
        setWidthFull();

        field(controlPointZh, "poster.controlPointZh", "poster-control-point-zh");
        field(controlPointEn, "poster.controlPointEn", "poster-control-point-en");
        field(locationZh, "poster.locationZh", "poster-location-zh");
        field(locationEn, "poster.locationEn", "poster-location-en");
        notesZh.setLabel(getTranslation("poster.notesZh"));
        notesZh.setId("poster-notes-zh");
        notesZh.setWidthFull();
        notesEn.setLabel(getTranslation("poster.notesEn"));
        notesEn.setId("poster-notes-en");
        notesEn.setWidthFull();
        channels.setLabel(getTranslation("poster.channels"));
        channels.setId("poster-channels-posted");
        paperSize.setLabel(getTranslation("poster.paperSize"));
        paperSize.setId("poster-paper-size");
        paperSize.setItems(PaperSize.values());
        language.setLabel(getTranslation("poster.language"));
        language.setId("poster-language");
        language.setItems(PosterLanguage.values());
        language.setItemLabelGenerator(l -> getTranslation("poster.language." + l.name()));
        save.setText(getTranslation("poster.saveDraft"));
        save.setId("poster-save");
        save.addClickListener(e -> save());
        reason.setLabel(getTranslation("poster.reason"));
        reason.setId("poster-reason");
        reason.setWidth("24rem");
        publish.setText(getTranslation("poster.publish"));
        publish.setId("poster-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> publish());

        VerticalLayout form = new VerticalLayout(new HorizontalLayout(controlPointZh, controlPointEn),
                new HorizontalLayout(locationZh, locationEn), notesZh, notesEn, channels,
                new HorizontalLayout(paperSize, language));
        form.setPadding(false);
        form.setWidth("36rem");
        HorizontalLayout actions = new HorizontalLayout(save, reason, publish);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setVisible(canEdit);
        form.add(actions);
        form.getChildren().forEach(c -> c.getElement().setEnabled(canEdit));
        actions.getElement().setEnabled(canEdit);

        preview.setId("poster-preview");
        preview.setAlt(getTranslation("poster.preview"));
        preview.setWidth("26rem");
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
        Div previewBox = new Div(new H3(getTranslation("poster.preview")), preview);
        HorizontalLayout editor = new HorizontalLayout(form, previewBox);
        editor.getStyle().set("flex-wrap", "wrap");

        publishedInfo.setId("poster-published");
        prints.setId("poster-prints");
        prints.getStyle().set("flex-wrap", "wrap");
        add(title, editor, new H3(getTranslation("poster.publishedVersion")), publishedInfo, prints,
                new H3(getTranslation("poster.history")), history);
    }

    private void field(TextField f, String label, String id) {
        f.setLabel(getTranslation(label));
        f.setId(id);
        f.setWidth("17rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Venue> v = event.getRouteParameters().get("venueId").map(Long::parseLong)
                .flatMap(posters::visibleVenue);
        if (v.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("venue.error.notFound"));
            return;
        }
        venue = v.get();
        title.setText(getTranslation("poster.venueTitle", venue.name(getLocale())));
        List<ChannelDefinition> defs = posters.channels();
        definitions = defs.stream().collect(Collectors.toMap(ChannelDefinition::channel, Function.identity()));
        channels.setItems(defs.stream().map(ChannelDefinition::channel).toList());
        channels.setItemLabelGenerator(c -> name(definitions.get(c)) + (definitions.get(c).required()
                ? " " + getTranslation("poster.required") : ""));
        show(posters.draft(venue.id()));
        showPublished();
    }

    private void show(PosterDraft d) {
        draftVersion = d.version();
        controlPointZh.setValue(d.controlPointZh());
        controlPointEn.setValue(d.controlPointEn());
        locationZh.setValue(d.locationZh());
        locationEn.setValue(d.locationEn());
        notesZh.setValue(d.notesZh());
        notesEn.setValue(d.notesEn());
        channels.setValue(d.channels());
        paperSize.setValue(d.paperSize());
        language.setValue(d.language());
        showPreview(d);
    }

    private PosterDraft fromForm() {
        return new PosterDraft(venue.id(), controlPointZh.getValue(), controlPointEn.getValue(), locationZh.getValue(),
                locationEn.getValue(), notesZh.getValue(), notesEn.getValue(), channels.getValue(),
                paperSize.getValue(), language.getValue(), draftVersion);
    }

    private void save() {
        PosterDraft saved = Feedback.attempt(() -> posters.saveDraft(fromForm()));
        if (saved != null) {
            show(saved);
            Feedback.success("poster.saved");
        }
    }

    /** Publishes what the form shows: saved first, so the version is exactly the draft on screen. */
    private void publish() {
        PosterVersion v = Feedback.attempt(() -> {
            PosterDraft saved = posters.saveDraft(fromForm());
            draftVersion = saved.version();
            return posters.publish(venue.id(), reason.getValue());
        });
        if (v != null) {
            reason.clear();
            Feedback.success("poster.publishedAs", v.version());
            showPublished();
        }
    }

    /** The first page of the very PDF the draft prints, rendered to a picture. */
    private void showPreview(PosterDraft d) {
        byte[] png = printing.previewDraft(posters.draftContent(d));
        preview.setSrc("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    }

    private void showPublished() {
        Optional<PosterVersion> published = posters.published(venue.id());
        prints.removeAll();
        publishedInfo.setText(published.map(v -> getTranslation("poster.publishedInfo", v.version(),
                v.contentHash().substring(0, 8))).orElse(getTranslation("poster.notPublished")));
        if (published.isPresent() && canEdit) {
            String code = venue.code();
            for (PaperSize size : PaperSize.values()) {
                prints.add(download(getTranslation("poster.print.sheet", size), code + "-" + size + ".pdf",
                        "poster-print-sheet-" + size, () -> printing.printSheet(code, size)));
            }
            for (Channel c : published.get().content().channels()) {
                prints.add(download(getTranslation("poster.print.channel", name(definitions.get(c))),
                        code + "-" + c + ".pdf", "poster-print-" + c, () -> printing.printChannel(code, c, null)));
            }
        }
        history.setItems(posters.history(venue.id()));
    }

    private static Anchor download(String text, String fileName, String id,
                                   java.util.function.Supplier<byte[]> pdf) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> new com.vaadin.flow.server.streams.DownloadResponse(
                new java.io.ByteArrayInputStream(pdf.get()), fileName, "application/pdf", -1)), text);
        a.setId(id);
        return a;
    }

    private String name(ChannelDefinition c) {
        return c == null ? "" : "en".equals(getLocale().getLanguage()) ? c.nameEn() : c.nameZh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("poster.title") + " | " + getTranslation("app.title");
    }
}
