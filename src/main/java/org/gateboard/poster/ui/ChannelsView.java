package org.gateboard.poster.ui;

import org.gateboard.base.ui.Feedback;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.base.Role;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.poster.ChannelDefinition;
import org.gateboard.poster.PosterLanguage;
import org.gateboard.poster.PosterService;
import org.gateboard.poster.PosterTemplate;
import org.gateboard.verdict.Channel;

/**
 * Admins edit a channel (names, QR payload, instructions, required) and its city-wide template. Saving either
 * republishes every venue poster that shows the channel, with the reason given here.
 */
@Route("posters/channels")
@RolesAllowed(Role.Names.ADMIN)
class ChannelsView extends VerticalLayout implements HasDynamicTitle {

    final Select<Channel> channel = new Select<>();
    final TextField nameZh = new TextField();
    final TextField nameEn = new TextField();
    final TextField payload = new TextField();
    final TextArea instructionsZh = new TextArea();
    final TextArea instructionsEn = new TextArea();
    final Checkbox required = new Checkbox();
    final TextField titleZh = new TextField();
    final TextField titleEn = new TextField();
    final TextArea textZh = new TextArea();
    final TextArea textEn = new TextArea();
    final TextField footerZh = new TextField();
    final TextField footerEn = new TextField();
    final TextField appealZh = new TextField();
    final TextField appealEn = new TextField();
    final Select<PaperSize> paperSize = new Select<>();
    final Select<PosterLanguage> language = new Select<>();
    final TextField reason = new TextField();
    final Button saveChannel = new Button();
    final Button saveTemplate = new Button();

    private final transient PosterService posters;

    ChannelsView(PosterService posters) {
        this.posters = posters;
        setWidthFull();
        channel.setLabel(getTranslation("poster.channel"));
        channel.setId("channel-select");
        channel.setItems(Channel.values());
        channel.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue());
            }
        });
        label(nameZh, "poster.channel.nameZh", "channel-name-zh");
        label(nameEn, "poster.channel.nameEn", "channel-name-en");
        label(payload, "poster.channel.payload", "channel-payload");
        payload.setWidth("36rem");
        label(instructionsZh, "poster.channel.instructionsZh", "channel-instructions-zh");
        label(instructionsEn, "poster.channel.instructionsEn", "channel-instructions-en");
        required.setLabel(getTranslation("poster.channel.required"));
        required.setId("channel-required");
        label(titleZh, "poster.template.titleZh", "template-title-zh");
        label(titleEn, "poster.template.titleEn", "template-title-en");
        label(textZh, "poster.template.instructionsZh", "template-instructions-zh");
        label(textEn, "poster.template.instructionsEn", "template-instructions-en");
        label(footerZh, "poster.template.footerZh", "template-footer-zh");
        label(footerEn, "poster.template.footerEn", "template-footer-en");
        label(appealZh, "poster.template.appealZh", "template-appeal-zh");
        label(appealEn, "poster.template.appealEn", "template-appeal-en");
        paperSize.setLabel(getTranslation("poster.paperSize"));
        paperSize.setItems(PaperSize.values());
        language.setLabel(getTranslation("poster.language"));
        language.setItems(PosterLanguage.values());
        language.setItemLabelGenerator(l -> getTranslation("poster.language." + l.name()));
        reason.setLabel(getTranslation("poster.reason"));
        reason.setId("channel-reason");
        reason.setWidth("36rem");
        saveChannel.setText(getTranslation("poster.channel.save"));
        saveChannel.setId("channel-save");
        saveChannel.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveChannel.addClickListener(e -> republished(Feedback.attempt(() -> posters.updateChannel(
                new ChannelDefinition(channel.getValue(), nameZh.getValue(), nameEn.getValue(), payload.getValue(),
                        instructionsZh.getValue(), instructionsEn.getValue(), required.getValue()),
                reason.getValue()))));
        saveTemplate.setText(getTranslation("poster.template.save"));
        saveTemplate.setId("template-save");
        saveTemplate.addClickListener(e -> republished(Feedback.attempt(() -> posters.updateTemplate(
                new PosterTemplate(channel.getValue(), titleZh.getValue(), titleEn.getValue(), textZh.getValue(),
                        textEn.getValue(), footerZh.getValue(), footerEn.getValue(), appealZh.getValue(),
                        appealEn.getValue(), paperSize.getValue(), language.getValue()), reason.getValue()))));

        HorizontalLayout buttons = new HorizontalLayout(saveChannel, saveTemplate);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("poster.channels.title")), channel,
                new H3(getTranslation("poster.channel.section")), new HorizontalLayout(nameZh, nameEn), payload,
                new HorizontalLayout(instructionsZh, instructionsEn), required,
                new H3(getTranslation("poster.template.section")), new HorizontalLayout(titleZh, titleEn),
                new HorizontalLayout(textZh, textEn), new HorizontalLayout(footerZh, footerEn),
                new HorizontalLayout(appealZh, appealEn), new HorizontalLayout(paperSize, language), reason, buttons);
        channel.setValue(Channel.APP);
    }

    private <F extends Component & HasLabel & HasSize> void label(F field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setId(id);
        field.setWidth("24rem");
    }

    private void load(Channel c) {
        posters.channels().stream().filter(d -> d.channel() == c).findFirst().ifPresent(d -> {
            nameZh.setValue(d.nameZh());
            nameEn.setValue(d.nameEn());
            payload.setValue(d.payload());
            instructionsZh.setValue(d.instructionsZh());
            instructionsEn.setValue(d.instructionsEn());
            required.setValue(d.required());
        });
        posters.templates().stream().filter(t -> t.channel() == c).findFirst().ifPresent(t -> {
            titleZh.setValue(t.titleZh());
            titleEn.setValue(t.titleEn());
            textZh.setValue(t.instructionsZh());
            textEn.setValue(t.instructionsEn());
            footerZh.setValue(t.footerZh());
            footerEn.setValue(t.footerEn());
            appealZh.setValue(t.appealZh());
            appealEn.setValue(t.appealEn());
            paperSize.setValue(t.paperSize());
            language.setValue(t.language());
        });
    }

    private void republished(Integer venues) {
        if (venues != null) {
            reason.clear();
            Feedback.success("poster.republished", venues);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("poster.channels.title") + " | " + getTranslation("app.title");
    }
}
