package org.gateboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.gateboard.testsupport.UiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SessionTimeoutTest extends UiTest {

    @Test
    void idleSessionsAreClosedAndHeartbeatsOnlyTrackOpenTabs() {
        DeploymentConfiguration config = VaadinService.getCurrent().getDeploymentConfiguration();

        assertThat(config.isCloseIdleSessions()).isTrue();
        assertThat(config.getHeartbeatInterval()).isEqualTo(60);
    }

    @Test
    void closingAnIdleVaadinSessionEndsTheSignInToo() {
        WrappedSession http = mock(WrappedSession.class);
        VaadinSession session = mock(VaadinSession.class);
        when(session.getSession()).thenReturn(http);

        UiSetup.signOut(session);

        verify(http).invalidate();
    }

    @Test
    void aSessionThatEndedByItselfIsLeftAlone() {
        WrappedSession http = mock(WrappedSession.class);
        doThrow(new IllegalStateException("already invalidated")).when(http).invalidate();
        VaadinSession session = mock(VaadinSession.class);
        when(session.getSession()).thenReturn(http);

        UiSetup.signOut(session);
    }

    @Test
    void aWallScreenViewPollsWhileShownAndStopsWhenLeft() {
        UI ui = UI.getCurrent();
        Div wallScreen = new Div();
        WallScreen.keepSignedIn(wallScreen);

        ui.add(wallScreen);
        assertThat(ui.getPollInterval()).isEqualTo(5 * 60 * 1000);

        ui.remove(wallScreen);
        assertThat(ui.getPollInterval()).isEqualTo(-1);
    }
}
