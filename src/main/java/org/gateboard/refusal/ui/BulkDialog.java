package org.gateboard.refusal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.gateboard.base.UserFacingException;
import org.gateboard.refusal.RefusalService;

import java.util.List;
import java.util.UUID;

/** One disposition for every selected refusal, confirmed with how many it will be recorded for. */
class BulkDialog extends Dialog {

    final ReviewForm form = new ReviewForm(false);
    final Button confirm = new Button();
    final Span error = new Span();

    BulkDialog(RefusalService refusals, List<UUID> verdictIds, Runnable done) {
        setHeaderTitle(getTranslation("refusal.bulk.title"));
        Paragraph question = new Paragraph(getTranslation("refusal.bulk.question", verdictIds.size()));
        confirm.setText(getTranslation("refusal.bulk.confirm", verdictIds.size()));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        confirm.addClickListener(e -> {
            try {
                int n = refusals.reviewAll(verdictIds, form.request());
                RefusalsView.notify(getTranslation("refusal.bulk.done", n), true);
                close();
                done.run();
            } catch (UserFacingException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        add(question, form, error);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }
}
