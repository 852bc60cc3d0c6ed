package org.gateboard.base.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPagesTest extends UiTest {

    @BeforeEach
    void signIn() {
        login("official", "official123");
    }

    @Test
    void aServiceRefusingWhileAPageOpensShowsTheAccessDeniedPage() {
        navigate("test-only/failing/refused");

        assertThat(title()).isEqualTo("无权访问");
    }

    @Test
    void badInputWhileAPageOpensShowsItsOwnMessage() {
        navigate("test-only/failing/bad-input");

        assertThat(title()).isEqualTo("出现问题");
        assertThat(message()).isEqualTo("该记录已被他人修改，请刷新后重试。");
    }

    @Test
    void anUnexpectedErrorShowsAReferenceNotTheException() {
        navigate("test-only/failing/crash");

        assertThat(title()).isEqualTo("出现问题");
        assertThat(message()).matches(".*编号 [0-9a-f]{8}。").doesNotContain("internal detail");
        LocatorJ._get(ErrorPage.class);
    }

    private static String title() {
        return LocatorJ._get(H2.class, spec -> spec.withId("error-title")).getText();
    }

    private static String message() {
        return LocatorJ._get(Paragraph.class, spec -> spec.withId("error-message")).getText();
    }
}
