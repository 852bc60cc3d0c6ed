package org.gateboard.live;

import org.gateboard.base.ThisNode;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.PostingVenue;
import org.gateboard.testsupport.SecondNode;
import org.gateboard.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database and one Redis (a server of the test's own, so it can be stopped): each node's
 * live figures (what its screens are pushed) show the verdicts stored over HTTP on the other within a second, and heal within the stated bound (one
 * heartbeat, {@code gateboard.live.bus-heartbeat}, here 2 s) after missed messages or a Redis restart; a node
 * that stops leaves its verdicts counted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedLiveCountsTest extends DatabaseTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private static TestRedis redis;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static PostingVenue venue;
    private static long posted;

    @BeforeAll
    static void twoNodes() {
        redis = TestRedis.start();
        String[] bus = {"spring.data.redis.url=" + redis.url(), "gateboard.live.bus-heartbeat=" + HEARTBEAT.toMillis() + "ms",
                "gateboard.live.node-silent-after=6s"};
        a = SecondNode.start(bus);
        b = SecondNode.start(bus);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null && a.isActive()) {
            a.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    @Order(1)
    void aVerdictStoredOnOneNodeShowsOnTheOtherWithinASecond() throws Exception {
        // node A's services check the signed-in person in node A's holder (see ApplicationTest)
        SecurityContextHolderStrategy mine = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(a.getBean(SecurityContextHolderStrategy.class));
        try {
            venue = PostingVenue.create(a, SecondNode.url(a), 2);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(mine);
        }

        long tookAtoB = postAndTimeUntilSeen(a, b, 0, 3);
        long tookBtoA = postAndTimeUntilSeen(b, a, 1, 2);

        assertThat(tookAtoB).as("ms from node A's acknowledgement to node B serving it").isLessThan(1000);
        assertThat(tookBtoA).as("ms from node B's acknowledgement to node A serving it").isLessThan(1000);
        assertThat(liveAdmitted(a)).isEqualTo(posted);
        assertThat(liveAdmitted(b)).isEqualTo(posted);
    }

    @Test
    @Order(2)
    void aNodeThatMissedMessagesHealsWithinAHeartbeat() throws Exception {
        RedisMessageListenerContainer listeners = b.getBean(RedisMessageListenerContainer.class);
        LiveBus busOfB = b.getBean(LiveBus.class);
        ChannelTopic topic = new ChannelTopic(LiveBus.CHANNEL);
        long before = posted;
        listeners.removeMessageListener(busOfB, topic);
        try {
            post(a, 0, 4);
            awaitLive(a, posted);
            assertThat(liveAdmitted(b)).as("node B heard nothing").isEqualTo(before);
        } finally {
            listeners.addMessageListener(busOfB, topic);
        }
        long resumed = System.nanoTime();
        awaitLive(b, posted);
        assertThat(millisSince(resumed)).as("ms from listening again to whole figures")
                .isLessThan(HEARTBEAT.toMillis() + 1000);
    }

    @Test
    @Order(3)
    void figuresHealWithinAHeartbeatOfRedisComingBack() throws Exception {
        long before = posted;
        redis.kill();
        try {
            post(a, 1, 5);
            awaitLive(a, posted);
            assertThat(liveAdmitted(b)).as("no bus, no news").isEqualTo(before);
        } finally {
            redis.startAgain();
        }
        long back = System.nanoTime();
        awaitLive(b, posted);
        // Lettuce reconnects within 2 s (LiveBusConfig), then a heartbeat at the latest brings everything
        assertThat(millisSince(back)).as("ms from Redis answering again to whole figures")
                .isLessThan(2000 + HEARTBEAT.toMillis() + 1000);

        // and the bus carries new verdicts within a second again
        assertThat(postAndTimeUntilSeen(a, b, 0, 1)).isLessThan(1000);
    }

    @Test
    @Order(4)
    void aNodeThatStopsLeavesItsVerdictsCounted() throws Exception {
        long nodeA = a.getBean(ThisNode.class).id();
        OtherNodes heardByB = b.getBean(OtherNodes.class);
        assertThat(heardByB.nodes()).contains(nodeA);

        a.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (heardByB.nodes().contains(nodeA) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(heardByB.nodes()).as("node A said it stops; B recounted and forgot it").doesNotContain(nodeA);
        assertThat(liveAdmitted(b)).as("its verdicts, now read from the database")
                .isEqualTo(posted);
    }

    /** Posts to {@code from}, then answers how many ms until {@code to} serves the new count. */
    private static long postAndTimeUntilSeen(ConfigurableApplicationContext from, ConfigurableApplicationContext to,
                                             int gate, int n) throws Exception {
        post(from, gate, n);
        long acknowledged = System.nanoTime();
        awaitLive(to, posted);
        return millisSince(acknowledged);
    }

    /**
     * Today's admitted count of the venue in a node's live figures, as its screens get them (asked as the
     * demo official in the node's own holder of the signed-in person; see ApplicationTest).
     */
    private static long liveAdmitted(ConfigurableApplicationContext node) {
        SecurityContextHolderStrategy mine = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolderStrategy theirs = node.getBean(SecurityContextHolderStrategy.class);
        SecurityContextHolder.setContextHolderStrategy(theirs);
        try {
            theirs.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("official", null,
                    AuthorityUtils.createAuthorityList("ROLE_OFFICIAL"))));
            return node.getBean(LiveStatsService.class).venue(venue.id(), null).summary().admitted();
        } finally {
            theirs.clearContext();
            SecurityContextHolder.setContextHolderStrategy(mine);
        }
    }

    /** Waits (up to 30 s) until the node's live figures hold {@code n} admitted, and asserts they do. */
    private static void awaitLive(ConfigurableApplicationContext node, long n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (liveAdmitted(node) != n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(liveAdmitted(node)).isEqualTo(n);
    }

    private static void post(ConfigurableApplicationContext node, int gate, int n) {
        new org.gateboard.testsupport.GateClient(SecondNode.url(node), venue.tokens().get(gate))
                .post(venue.batch(gate, n));
        posted += n;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
