package org.gateboard.base.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @Test
    void everyKeyExistsInChineseAndEnglish() {
        Map<String, String> zh = MessagesI18NProvider.load("zh_CN");
        Map<String, String> en = MessagesI18NProvider.load("en");
        Set<String> onlyZh = new TreeSet<>(zh.keySet());
        onlyZh.removeAll(en.keySet());
        Set<String> onlyEn = new TreeSet<>(en.keySet());
        onlyEn.removeAll(zh.keySet());
        assertThat(onlyZh).as("keys only in Chinese").isEmpty();
        assertThat(onlyEn).as("keys only in English").isEmpty();
        assertThat(zh).isNotEmpty();
    }

    @Test
    void noMessageIsBlank() {
        MessagesI18NProvider.load("zh_CN").forEach((k, v) -> assertThat(v).as(k).isNotBlank());
        MessagesI18NProvider.load("en").forEach((k, v) -> assertThat(v).as(k).isNotBlank());
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsOffered() {
        MessagesI18NProvider provider = new MessagesI18NProvider();
        assertThat(provider.getProvidedLocales().get(0)).isEqualTo(MessagesI18NProvider.CHINESE);
        assertThat(provider.getTranslation("app.logout", Locale.GERMAN)).isEqualTo("退出");
        assertThat(provider.getTranslation("app.logout", Locale.UK)).isEqualTo("Log out");
    }
}
