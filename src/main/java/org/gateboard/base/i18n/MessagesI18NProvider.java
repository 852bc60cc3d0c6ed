package org.gateboard.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * All user-visible text. Each feature keeps its own {@code i18n/<feature>_zh_CN.properties} and
 * {@code i18n/<feature>_en.properties} (UTF-8); they are merged here. Chinese first: it is the default.
 */
@Component
public class MessagesI18NProvider implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(CHINESE, ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(MessagesI18NProvider.class);

    private final Map<Locale, Map<String, String>> messages = new HashMap<>();

    public MessagesI18NProvider() {
        messages.put(CHINESE, load("zh_CN"));
        messages.put(ENGLISH, load("en"));
    }

    /** The merged messages of one language, for the test that both languages have the same keys. */
    public static Map<String, String> load(String suffix) {
        Map<String, String> all = new HashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:i18n/*_" + suffix + ".properties");
            for (Resource file : files) {
                Properties props = new Properties();
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    props.load(reader);
                }
                props.forEach((k, v) -> {
                    if (all.put((String) k, (String) v) != null) {
                        throw new IllegalStateException("Message key " + k + " is defined twice (" + file + ")");
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    public static Locale supported(Locale requested) {
        if (requested != null && ENGLISH.getLanguage().equals(requested.getLanguage())) {
            return ENGLISH;
        }
        return CHINESE;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern = messages.get(supported(locale)).get(key);
        if (pattern == null) {
            log.warn("Missing message key {}", key);
            return "!" + key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(params);
    }
}
