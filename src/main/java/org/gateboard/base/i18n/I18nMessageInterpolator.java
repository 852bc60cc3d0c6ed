package org.gateboard.base.i18n;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bean Validation messages from Gateboard's own texts: a constraint whose message is {@code "{venue.error.code}"}
 * reads that key in the asked language (Chinese unless English), so a form's field shows the same sentence the
 * service would refuse with. Any other message goes to the provider's own interpolator. Registered in
 * {@code META-INF/validation.xml}, which Vaadin's {@code BeanValidationBinder} reads.
 */
public class I18nMessageInterpolator implements MessageInterpolator {

    private static final Pattern KEY = Pattern.compile("\\{([a-z]+(\\.[A-Za-z0-9_]+)+)}");

    private final Map<Locale, Map<String, String>> texts = Map.of(
            MessagesI18NProvider.CHINESE, MessagesI18NProvider.load("zh_CN"),
            MessagesI18NProvider.ENGLISH, MessagesI18NProvider.load("en"));
    private final MessageInterpolator others = Validation.byDefaultProvider().configure()
            .getDefaultMessageInterpolator();

    @Override
    public String interpolate(String messageTemplate, Context context) {
        return interpolate(messageTemplate, context, Locale.getDefault());
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
        Matcher key = KEY.matcher(messageTemplate);
        if (key.matches()) {
            String text = texts.get(MessagesI18NProvider.supported(locale)).get(key.group(1));
            if (text != null) {
                return text;
            }
        }
        return others.interpolate(messageTemplate, context, locale);
    }
}
