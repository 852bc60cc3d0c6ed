package org.gateboard.refusal.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.refusal.Disposition;
import org.gateboard.refusal.ReviewRequest;

/** The fields of a disposition; the service checks them (comment required, appeal reference for an appeal). */
class ReviewForm extends FormLayout {

    final Select<Disposition> disposition = new Select<>();
    final TextArea comment = new TextArea();
    final TextField appealReference = new TextField();
    final TextField appealOutcome = new TextField();

    ReviewForm(boolean withAppeal) {
        disposition.setLabel(getTranslation("refusal.review.disposition"));
        disposition.setItems(Disposition.values());
        disposition.setItemLabelGenerator(d -> getTranslation("refusal.status." + d.name()));
        disposition.setValue(Disposition.UPHELD);
        comment.setLabel(getTranslation("refusal.review.comment"));
        comment.setRequiredIndicatorVisible(true);
        comment.setMaxLength(2000);
        appealReference.setLabel(getTranslation("refusal.review.appealReference"));
        appealReference.setMaxLength(64);
        appealOutcome.setLabel(getTranslation("refusal.review.appealOutcome"));
        appealOutcome.setMaxLength(500);
        add(disposition, comment);
        if (withAppeal) {
            add(appealReference, appealOutcome);
            disposition.addValueChangeListener(e -> showAppeal());
            showAppeal();
        }
    }

    private void showAppeal() {
        boolean appeal = disposition.getValue() == Disposition.APPEALED;
        appealReference.setVisible(appeal);
        appealOutcome.setVisible(appeal);
    }

    ReviewRequest request() {
        boolean appeal = disposition.getValue() == Disposition.APPEALED;
        return new ReviewRequest(disposition.getValue(), comment.getValue(),
                appeal ? appealReference.getValue() : null, appeal ? appealOutcome.getValue() : null);
    }

    void clear() {
        comment.clear();
        appealReference.clear();
        appealOutcome.clear();
    }
}
