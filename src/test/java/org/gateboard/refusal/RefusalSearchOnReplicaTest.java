package org.gateboard.refusal;

import org.gateboard.base.db.EmbeddedDatabase;
import org.gateboard.base.db.EmbeddedReplica;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.PersonalVerdicts;
import org.gateboard.testsupport.SecondNode;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.RefusalReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gateboard.refusal.RefusalTestSupport.official;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a node with a read replica the refusal search reads the replica: while the replica lags, it shows a refusal
 * as it was before its review (the node's other reads, and a node without a replica, show the review); once the
 * replica has caught up it shows the review; with the replica stopped the primary answers, without an error.
 */
class RefusalSearchOnReplicaTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    RefusalService refusals;

    @Test
    void theSearchOfANodeWithAReplicaReadsTheReplicaAndThePrimaryWhenTheReplicaIsGone() {
        assumeTrue(EmbeddedDatabase.isRunningHere(), "a replica is started only for the embedded test database");
        EmbeddedReplica replica = SecondNode.replica().orElseThrow();
        ApplicationContext other = SecondNode.context();
        RefusalService otherRefusals = other.getBean(RefusalService.class);

        TestVenue venue = new VerdictFixture(context).newVenue("静安区", 1);
        UUID refused = new PersonalVerdicts(context).refused(venue, Instant.now(), PersonalVerdicts.newPerson("赵六"),
                RefusalReason.NO_MASK);
        RefusalSearch here = new RefusalSearch(null, null, venue.venue().code(), null, null, null, null, null, null, null);
        replica.awaitCaughtUp(Duration.ofMinutes(1));

        replica.pauseApplying();
        try {
            onNode(context, () -> refusals.review(refused, new ReviewRequest(Disposition.UPHELD, "未戴口罩", null, null)));

            assertThat(reviewSeenBy(other, () -> otherRefusals.search(here, null, 10))).as("the lagging replica").isNull();
            assertThat(reviewSeenBy(context, () -> refusals.search(here, null, 10))).as("a node without a replica")
                    .isEqualTo(Disposition.UPHELD);
        } finally {
            replica.resumeApplying();
        }
        replica.awaitCaughtUp(Duration.ofMinutes(1));
        assertThat(reviewSeenBy(other, () -> otherRefusals.search(here, null, 10))).as("the replica, caught up")
                .isEqualTo(Disposition.UPHELD);

        replica.stop();
        try {
            assertThat(reviewSeenBy(other, () -> otherRefusals.search(here, null, 10))).as("the primary, for the replica")
                    .isEqualTo(Disposition.UPHELD);
        } finally {
            replica.start();
        }
    }

    /** The review status of the one refusal the search finds, asked as an official on the given node. */
    private static Disposition reviewSeenBy(ApplicationContext node, Supplier<RefusalItems> search) {
        RefusalItems items = onNode(node, search);
        assertThat(items.items()).hasSize(1);
        Review review = items.items().get(0).review();
        return review == null ? null : review.disposition();
    }

    /** As an official on the given node: each context keeps the signed-in person in its own holder. */
    private static <T> T onNode(ApplicationContext node, Supplier<T> call) {
        SecurityContextHolderStrategy before = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(node.getBean(SecurityContextHolderStrategy.class));
        try {
            return official(call);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }
}
