package org.gateboard.poster;

import org.gateboard.base.Role;
import org.gateboard.security.TestAccounts;
import org.gateboard.security.UserService;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;
import org.gateboard.venue.VenueService;

import java.util.Set;
import java.util.UUID;

/** A fresh venue with its first poster published (as an admin would), and a manager of only that venue. */
public record PosterFixture(Venue venue, String manager) {

    public static PosterFixture create(VenueService venues, UserService users, PosterService posters) {
        String code = "PT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Venue venue = TestAccounts.asAdmin(() -> venues.createVenue(new VenueDraft(code, "测试交易中心 " + code,
                "Test centre " + code, VenueLevel.DISTRICT, "奉贤区", "上海市奉贤区（测试地址）")));
        TestAccounts.asAdmin(() -> posters.publish(venue.id(), "首次发布 / first poster"));
        String manager = TestAccounts.create(users, Role.MANAGER, Set.of(venue.id()));
        return new PosterFixture(venue, manager);
    }

    public int publishedVersion(PosterService posters) {
        return TestAccounts.asAdmin(() -> posters.published(venue.id()).orElseThrow().version());
    }
}
