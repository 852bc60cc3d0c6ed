package org.gateboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import org.gateboard.base.i18n.MessagesI18NProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Locale;

/** 中文 / English. Remembered for the signed-in person, or for the session on the login page. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch(UserPreferences preferences) {
        setItems(MessagesI18NProvider.LOCALES);
        setItemLabelGenerator(l -> MessagesI18NProvider.ENGLISH.equals(l) ? "English" : "中文");
        setAriaLabel("Language / 语言");
        setWidth("7.5em");
        addAttachListener(e -> setValue(MessagesI18NProvider.supported(e.getUI().getLocale())));
        addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            UI ui = UI.getCurrent();
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && preferences != null) {
                preferences.savePreferredLocale(auth.getName(), e.getValue());
            }
            ui.getSession().setAttribute(UiSetup.LOCALE_ATTRIBUTE, e.getValue());
            ui.getSession().setLocale(e.getValue());
            ui.setLocale(e.getValue());
            // every view reads its texts when built: rebuild it in the new language
            ui.getPage().reload();
        });
    }
}
