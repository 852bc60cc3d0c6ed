package org.gateboard.security;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.html.H2;
import org.gateboard.base.UserFacingException;
import org.gateboard.live.LiveStatsService;
import org.gateboard.testsupport.UiTest;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo manager runs the city centre (SH-CITY) only. One mechanism decides ({@link VenueAccess}), and the
 * services that take a venue id ask it, so the refusal holds whether the request comes from a view or not.
 */
class ManagerScopingTest extends UiTest {

    @Autowired
    VenueService venues;
    @Autowired
    VenueAccess access;
    @Autowired
    LiveStatsService live;

    @Test
    void aManagerOfOneVenueAskingTheLiveServiceForAnotherIsRefused() {
        login("manager", "manager123");

        assertThat(live.venue(venueId("SH-CITY"), null).venue().code()).isEqualTo("SH-CITY");
        assertThatThrownBy(() -> live.venue(venueId("PD"), null)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> live.venue(venueId("PD"), live.today().minusDays(3)))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> live.subscribeVenue(venueId("PD"), stats -> { }))
                .isInstanceOf(UserFacingException.class);
        assertThat(live.overview(null)).extracting(s -> s.venue().code()).containsExactly("SH-CITY");
        assertThat(live.allVenues(null)).extracting(s -> s.venue().code()).containsExactly("SH-CITY");
    }

    @Test
    void aManagerTypingAnotherVenuesUrlGetsNotFoundAndNoData() {
        login("manager", "manager123");
        navigate("venues/" + venueId("PD"));

        assertThat(errorTitle()).isEqualTo("未找到");
        assertThat(LocatorJ._find(H2.class, spec -> spec.withId("venue-title"))).isEmpty();
    }

    @Test
    void anOfficialSeesAnyVenue() {
        login("official", "official123");

        assertThat(live.venue(venueId("PD"), null).venue().code()).isEqualTo("PD");
        assertThat(access.canSee(venueId("PD"))).isTrue();
    }

    @Test
    void theMechanismRefusesForServicesWithSpringSecuritysAccessDenied() {
        login("manager", "manager123");

        assertThat(access.canSee(venueId("SH-CITY"))).isTrue();
        assertThatThrownBy(() -> access.requireVisible(venueId("PD"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInSeesNoVenue() {
        assertThat(access.canSee(venueId("SH-CITY"))).isFalse();
        assertThat(access.currentScope().venueIds()).isEmpty();
    }

    private static String errorTitle() {
        return LocatorJ._get(H2.class, spec -> spec.withId("error-title")).getText();
    }

    private long venueId(String code) {
        return venues.venues().stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow().id();
    }
}
