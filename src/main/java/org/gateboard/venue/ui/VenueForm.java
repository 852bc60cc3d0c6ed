package org.gateboard.venue.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;

/**
 * Creates or edits a venue; fires events, the view saves.
 */
class VenueForm extends RegistryForm<Venue, VenueDraft> {

    final TextField code = textField("venue.code", "venue-code", 32);
    final TextField nameZh = textField("venue.nameZh", "venue-name-zh", 128);
    final TextField nameEn = textField("venue.nameEn", "venue-name-en", 128);
    final Select<VenueLevel> level = new Select<>();
    final TextField district = textField("venue.district", "venue-district", 64);
    final TextField address = textField("venue.address", "venue-address", 255);

    VenueForm() {
        super("venue", VenueDraft.class);
        level.setLabel(getTranslation("venue.level"));
        level.setId("venue-level");
        level.setItems(VenueLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("venue.level." + l.name()));

        addFields(code, nameZh, nameEn, level, district, address);
        setColspan(address, 2);
    }

    @Override
    protected boolean isActive(Venue venue) {
        return venue.active();
    }

    @Override
    protected VenueDraft emptyDraft() {
        return new VenueDraft("", "", "", null, "", "");
    }

    @Override
    protected VenueDraft draftOf(Venue venue) {
        return new VenueDraft(venue.code(), venue.nameZh(), venue.nameEn(), venue.level(),
                nullToEmpty(venue.district()), nullToEmpty(venue.address()));
    }

    @Override
    protected String newTitle() {
        return getTranslation("venue.form.new");
    }

    @Override
    protected String editTitle(Venue venue) {
        return getTranslation("venue.form.edit", venue.code());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
