package org.gateboard.base.ui;

import com.vaadin.flow.server.VaadinServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushSettingsTest {

    private static final String ATMOSPHERE_WRITE_THREADS = "org.atmosphere.cpr.broadcaster.maxAsyncWriteThreads";

    @Test
    void vaadinsServletGetsTheConfiguredWriteThreadsAndTheFixedParameters() {
        assertThat(writeThreads(new MockEnvironment())).isEqualTo("64");
        assertThat(writeThreads(new MockEnvironment().withProperty(PushSettings.WRITE_THREADS, "256")))
                .isEqualTo("256");
    }

    @Test
    void vaadinsPushUsesTheBroadcasterWhoseWritersHandTheirThreadBack() {
        ServletRegistrationBean<VaadinServlet> registration = new ServletRegistrationBean<>(new VaadinServlet());
        new PushSettings().postProcessBeforeInitialization(registration, "vaadin");
        assertThat(registration.getInitParameters())
                .containsEntry("org.atmosphere.cpr.broadcasterClass", PushBroadcaster.class.getName());
    }

    @Test
    void tooFewWriteThreadsAreRefusedAtStart() {
        PushSettings settings = new PushSettings();
        assertThatThrownBy(() -> settings.setEnvironment(
                new MockEnvironment().withProperty(PushSettings.WRITE_THREADS, "1")))
                .hasMessageContaining(PushSettings.WRITE_THREADS);
    }

    private static String writeThreads(MockEnvironment environment) {
        PushSettings settings = new PushSettings();
        settings.setEnvironment(environment);
        ServletRegistrationBean<VaadinServlet> registration = new ServletRegistrationBean<>(new VaadinServlet());
        settings.postProcessBeforeInitialization(registration, "vaadin");
        assertThat(registration.getInitParameters()).containsAllEntriesOf(PushSettings.PARAMETERS);
        return registration.getInitParameters().get(ATMOSPHERE_WRITE_THREADS);
    }
}
