package org.gateboard.live.api;

import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.live.LiveStatsService;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.gateboard.testsupport.VerdictFixture.admitted;
import static org.gateboard.testsupport.VerdictFixture.refused;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StatsApiTest extends DatabaseTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    ApplicationContext context;
    @Autowired
    LiveStatsService live;
    @Autowired
    ZoneId venueZone;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }

    @Test
    void officialsGetEveryVenuesFiguresForTodayAndPastDays() throws Exception {
        VerdictFixture fixture = new VerdictFixture(context);
        TestVenue v = fixture.newVenue("测试区", 1);
        fixture.store(List.of(admitted(v, 0, Instant.now(), PersonRole.BIDDER, 5.0),
                refused(v, 0, Instant.now(), PersonRole.EXPERT, RefusalReason.FEVER)));
        var day = live.today().minusDays(400 + System.nanoTime() % 300);
        fixture.insertOnly(List.of(admitted(v, 0, day.atTime(8, 0).atZone(venueZone).toInstant(), PersonRole.AGENT, null)));
        String me = "$[?(@.code == '" + v.venue().code() + "')]";

        mvc.perform(get("/api/v1/stats/venues").with(httpBasic("official", "official123")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[?(@.code == 'SH-CITY')]").exists())
                .andExpect(jsonPath(me + ".admitted").value(1))
                .andExpect(jsonPath(me + ".refused").value(1))
                .andExpect(jsonPath(me + ".refusalRate").value(0.5))
                .andExpect(jsonPath(me + ".live").value(true))
                .andExpect(jsonPath(me + ".refusalsByReason.FEVER").value(1))
                .andExpect(jsonPath(me + ".refusalsByRole.EXPERT").value(1));

        mvc.perform(get("/api/v1/stats/venues").param("date", day.toString()).with(httpBasic("admin", "admin123")))
                .andExpect(status().isOk())
                .andExpect(jsonPath(me + ".admitted").value(1))
                .andExpect(jsonPath(me + ".refused").value(0))
                .andExpect(jsonPath(me + ".live").value(false));
    }

    @Test
    void aBadOrFutureDateIsAProblemNotAStackTrace() throws Exception {
        mvc.perform(get("/api/v1/stats/venues").param("date", "24.02.2020").with(httpBasic("official", "official123")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("YYYY-MM-DD")));
        mvc.perform(get("/api/v1/stats/venues").param("date", live.today().plusDays(2).toString())
                        .with(httpBasic("official", "official123")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("future")));
    }

    @Test
    void managersAndStrangersAreTurnedAway() throws Exception {
        mvc.perform(get("/api/v1/stats/venues").with(httpBasic("manager", "manager123")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stats/venues")).andExpect(status().isUnauthorized());
    }
}
