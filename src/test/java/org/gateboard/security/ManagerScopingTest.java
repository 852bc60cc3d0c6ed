package org.gateboard.security;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.gateboard.testsupport.UiTest;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo manager runs the city centre (SH-CITY) only. */
class ManagerScopingTest extends UiTest {

    @Autowired
    VenueService venues;
    @Autowired
    VenueAccess access;

    @Test
    void aManagerOpensTheirOwnVenue() {
        login("manager", "manager123");
        navigate("test-only/venues/" + venueId("SH-CITY"));

        assertThat(LocatorJ._get(Div.class, spec -> spec.withId("venue-page")).getText()).isEqualTo("SH-CITY");
    }

    @Test
    void aManagerTypingAnotherVenuesUrlGetsTheAccessDeniedPageAndNoData() {
        login("manager", "manager123");
        navigate("test-only/venues/" + venueId("PD"));

        assertThat(LocatorJ._find(Div.class, spec -> spec.withId("venue-page"))).isEmpty();
        assertThat(errorTitle()).isEqualTo("无权访问");
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("error-message")).getText())
                .contains("场所管理员只能查看分配给本人的场所");
    }

    @Test
    void anUnknownOrMalformedVenueIdIsNotFound() {
        login("manager", "manager123");
        navigate("test-only/venues/987654321");
        assertThat(errorTitle()).isEqualTo("未找到");

        navigate("test-only/venues/not-a-number");
        assertThat(errorTitle()).isEqualTo("未找到");
    }

    @Test
    void anOfficialOpensAnyVenue() {
        login("official", "official123");
        navigate("test-only/venues/" + venueId("PD"));

        assertThat(LocatorJ._get(Div.class, spec -> spec.withId("venue-page")).getText()).isEqualTo("PD");
    }

    @Test
    void servicesCanRefuseAnotherVenueToo() {
        login("manager", "manager123");

        assertThat(access.canSee(venueId("SH-CITY"))).isTrue();
        assertThat(access.visibleVenues()).extracting(v -> v.code()).containsExactly("SH-CITY");
        assertThatThrownBy(() -> access.requireVisible(venueId("PD"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInSeesNoVenue() {
        assertThat(access.canSee(venueId("SH-CITY"))).isFalse();
        assertThat(access.visibleVenues()).isEmpty();
    }

    private static String errorTitle() {
        return LocatorJ._get(H2.class, spec -> spec.withId("error-title")).getText();
    }

    private long venueId(String code) {
        return venues.venues().stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow().id();
    }
}
