package org.gateboard.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditChainReport;
import org.gateboard.audit.AuditEntry;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Role;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The audit trail, newest first, loaded page by page as the admin scrolls (it only grows), and a check
 * that the hash chain is unbroken.
 */
@Route("admin/audit")
@Menu(order = 90, icon = "vaadin:clipboard-check", title = "audit.menu")
@RolesAllowed(Role.Names.ADMIN)
class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    private static final int SHORT_JSON = 80;

    final Grid<AuditEntry> grid = new Grid<>();
    final Button verify = new Button();
    final Span result = new Span();

    private final transient AuditService audit;
    private final ZoneId zone;

    AuditView(AuditService audit, ZoneId venueZone) {
        this.audit = audit;
        this.zone = venueZone;
        setSizeFull();

        verify.setText(getTranslation("audit.verify"));
        verify.setId("audit-verify");
        verify.setIcon(VaadinIcon.CHECK_SQUARE_O.create());
        verify.addClickListener(e -> verify());
        result.setId("audit-verify-result");
        result.setVisible(false);
        Button reload = new Button(getTranslation("audit.reload"), VaadinIcon.REFRESH.create(),
                e -> grid.getDataProvider().refreshAll());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout toolbar = new HorizontalLayout(verify, result, reload);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(AuditEntry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> TIME.format(e.occurredAt().atZone(zone))).setHeader(getTranslation("audit.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> words("audit.entity.", e.entityType()) + (e.entityId() == null ? "" : " #" + e.entityId()))
                .setHeader(getTranslation("audit.entity")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> words("audit.action.", e.action())).setHeader(getTranslation("audit.action"))
                .setTooltipGenerator(AuditEntry::action).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> shorten(e.beforeJson())).setHeader(getTranslation("audit.before"))
                .setTooltipGenerator(AuditEntry::beforeJson);
        grid.addColumn(e -> shorten(e.afterJson())).setHeader(getTranslation("audit.after"))
                .setTooltipGenerator(AuditEntry::afterJson);
        // the whole before/after under the row the admin clicks
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        // lazy and without a count: the trail is long and only grows
        grid.setItems(query -> audit.latest(query.getLimit(), query.getOffset()).stream());

        add(new H2(getTranslation("audit.title")), toolbar, grid);
        setFlexGrow(1, grid);
    }

    private void verify() {
        AuditChainReport report = audit.verifyChain();
        result.setVisible(true);
        result.getElement().getThemeList().clear();
        if (report.intact()) {
            result.setText(getTranslation("audit.verify.intact", report.checkedEntries()));
            result.getElement().getThemeList().add("badge success");
        } else {
            result.setText(getTranslation("audit.verify.broken", report.firstBrokenEntryId().orElseThrow(),
                    getTranslation("audit.problem." + report.problem())));
            result.getElement().getThemeList().add("badge error");
        }
    }

    private Div details(AuditEntry e) {
        Div div = new Div();
        div.add(new Pre(getTranslation("audit.before") + ": " + e.beforeJson()),
                new Pre(getTranslation("audit.after") + ": " + e.afterJson()));
        div.getStyle().set("white-space", "pre-wrap");
        return div;
    }

    /**
     * A stored entity or action name in the reader's language; a name without a translation (a feature added
     * a new one, or an old entry) is shown as stored rather than hidden.
     */
    private String words(String prefix, String stored) {
        String key = prefix + stored;
        String text = getTranslation(key);
        return text == null || text.equals("!" + key) ? stored : text;
    }

    static String shorten(String json) {
        if (json == null) {
            return "";
        }
        return json.length() <= SHORT_JSON ? json : json.substring(0, SHORT_JSON - 1) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
