package org.gateboard.testsupport;

import org.gateboard.venue.Gate;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.IssuedToken;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.Outcome;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.StoredVerdict;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fresh venue whose gates each have a device registered through the registry service, with a client that
 * posts for it over real HTTP: for tests of what a stored batch leads to.
 */
public record PostingVenue(VerdictFixture.TestVenue venue, List<Gate> gateList, List<Long> devices,
                           List<String> tokens, List<GateClient> gates) {

    public long id() {
        return venue.id();
    }

    public static PostingVenue create(ApplicationContext context, String baseUrl, int gateCount) {
        VenueService venues = context.getBean(VenueService.class);
        VerdictFixture.TestVenue tv = new VerdictFixture(context).newVenue("测试区", 0);
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            List<Gate> gates = new ArrayList<>();
            List<Long> devices = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            List<GateClient> clients = new ArrayList<>();
            for (int i = 1; i <= gateCount; i++) {
                Gate gate = venues.createGate(tv.id(), new GateDraft("G" + i, "门 " + i, "Gate " + i));
                IssuedToken token = venues.registerDevice(gate.id(), "test device " + i);
                gates.add(gate);
                devices.add(token.deviceId());
                tokens.add(token.token());
                clients.add(new GateClient(baseUrl, token.token()));
            }
            return new PostingVenue(tv, gates, devices, tokens, clients);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /** {@code n} admitted verdicts of the device at gate number {@code gate} (from 0), scanned 30 s ago. */
    public List<StoredVerdict> batch(int gate, int n) {
        List<StoredVerdict> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(VerdictFixture.verdict(id(), gateList.get(gate).id(), devices.get(gate),
                    Instant.now().minusSeconds(30), Outcome.ADMITTED, Set.of(), PersonRole.BIDDER, 5.0, false));
        }
        return list;
    }
}
