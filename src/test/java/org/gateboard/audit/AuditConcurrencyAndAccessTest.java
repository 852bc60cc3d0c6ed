package org.gateboard.audit;

import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.venue.GateDraft;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueDraft;
import org.gateboard.venue.VenueLevel;
import org.gateboard.venue.VenueService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditConcurrencyAndAccessTest extends DatabaseTest {

    @Autowired
    AuditService audit;
    @Autowired
    VenueService venues;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void manyConcurrentAuditedChangesAllSucceedAndTheChainStaysIntact() throws Exception {
        signInAs("ROLE_ADMIN");
        long before = audit.count();
        String code = "AC" + UUID.randomUUID().toString().substring(0, 8);
        Venue venue = venues.createVenue(new VenueDraft(code, "审计并发", "Audit concurrency", VenueLevel.DISTRICT,
                null, null));
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    signInAs("ROLE_ADMIN");
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        venues.createGate(venue.id(), new GateDraft("G" + thread + "-" + i, "门", "Gate"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(); // a deadlock victim would fail here with its exception
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(venues.gates(venue.id())).hasSize(threads * perThread);
        assertThat(audit.count()).isEqualTo(before + 1 + threads * perThread);
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void readingTheTrailIsForAdminsOnlyEvenOutsideTheView() {
        assertThatThrownBy(() -> audit.latest(1, 0)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        for (String role : List.of("ROLE_MANAGER", "ROLE_OFFICIAL")) {
            signInAs(role);
            assertThatThrownBy(() -> audit.latest(1, 0)).as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.count()).as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.verifyChain()).as(role).isInstanceOf(AccessDeniedException.class);
        }
        signInAs("ROLE_ADMIN");
        assertThat(audit.latest(1, 0)).hasSize(1);
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    private static void signInAs(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                role.toLowerCase(), null, AuthorityUtils.createAuthorityList(role)));
    }
}
