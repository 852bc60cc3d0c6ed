package org.gateboard.security;

import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.security.TestAccounts.asAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Machines on the people's API: stats tokens, HTTP Basic under the throttle, and JSON-only admin actions. */
class StatsTokenApiTest extends DatabaseTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    StatsTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aStatsTokenReadsTheStatsAndNothingElseUntilRevoked() throws Exception {
        StatsToken.Issued issued = asAdmin(() -> tokens.issue("Lobby screen"));
        assertThat(issued.token()).startsWith("gbs_");

        mvc.perform(get("/api/v1/stats/venues").header("Authorization", "Bearer " + issued.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.code == 'SH-CITY')]").exists());
        mvc.perform(get("/api/v1/admin/venues").header("Authorization", "Bearer " + issued.token()))
                .andExpect(status().isUnauthorized());

        asAdmin(() -> tokens.revoke(issued.id()));
        mvc.perform(get("/api/v1/stats/venues").header("Authorization", "Bearer " + issued.token()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
    }

    @Test
    void onlyTheHashIsKeptAndCreatingAndRevokingAreAudited() {
        StatsToken.Issued issued = asAdmin(() -> tokens.issue("Script"));
        asAdmin(() -> tokens.revoke(issued.id()));

        String stored = jdbc.queryForObject("SELECT token_hash FROM stats_token WHERE id = ?", String.class,
                issued.id());
        assertThat(stored).isEqualTo(StatsTokenService.hash(issued.token())).doesNotContain(issued.token());
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE entity_type = 'stats-token'"
                + " AND entity_id = ? ORDER BY id", String.class, Long.toString(issued.id())))
                .containsExactly("create", "revoke");
        assertThat(asAdmin(() -> tokens.list())).anySatisfy(t -> {
            assertThat(t.id()).isEqualTo(issued.id());
            assertThat(t.revoked()).isTrue();
        });
    }

    @Test
    void anUnknownBearerValueIsRefused() throws Exception {
        mvc.perform(get("/api/v1/stats/venues").header("Authorization", "Bearer gbs_not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void fiveBadBasicCallsThrottleOnlyTheirAddressNotTheAdminEverywhere() throws Exception {
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            mvc.perform(stats("admin", "guess-" + i, attacker)).andExpect(status().isUnauthorized());
        }

        mvc.perform(stats("admin", "admin123", attacker)).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(stats("admin", "admin123", address())).andExpect(status().isOk());
    }

    @Test
    void aThrottledUnknownNameGetsTheSameAnswerAsAThrottledKnownOne() throws Exception {
        String from = address();
        String unknown = TestAccounts.uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            mvc.perform(stats("official", "guess-" + i, from)).andExpect(status().isUnauthorized());
            mvc.perform(stats(unknown, "guess-" + i, from)).andExpect(status().isUnauthorized());
        }

        String known = mvc.perform(stats("official", "official123", from)).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        String notKnown = mvc.perform(stats(unknown, "official123", from)).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(notKnown).isEqualTo(known);
    }

    @Test
    void anAdminActionWithoutAJsonContentTypeIsRefusedSoACrossSiteFormCannotFireIt() throws Exception {
        mvc.perform(post("/api/v1/admin/devices/987654321/rotate").with(httpBasic("admin", "admin123"))
                        .contentType("application/x-www-form-urlencoded"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/v1/admin/devices/987654321/rotate").with(httpBasic("admin", "admin123"))
                        .contentType("text/plain"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/v1/admin/devices/987654321/rotate").with(httpBasic("admin", "admin123")))
                .andExpect(status().isUnsupportedMediaType());

        mvc.perform(post("/api/v1/admin/devices/987654321/rotate").with(httpBasic("admin", "admin123"))
                .contentType("application/json")).andExpect(status().isNotFound());
    }

    private static MockHttpServletRequestBuilder stats(String user, String password, String address) {
        return get("/api/v1/stats/venues").with(httpBasic(user, password)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
