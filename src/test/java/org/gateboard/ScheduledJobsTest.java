package org.gateboard;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node schedules the same jobs. A job whose effect is on shared data takes a lock in the database first
 * ({@code @SchedulerLock}, base.db.JobLocks), so that it runs on one node at a time; only jobs on a node's own
 * memory go without, and they are named here. (The live recount runs on an executor of its own, per node.)
 */
class ScheduledJobsTest {

    private static final List<String> PER_NODE = List.of(
            // writes the device contacts this node has seen since its last flush
            "org.gateboard.verdict.DeviceContacts.flush");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gateboard");

    @Test
    void everyScheduledJobButThoseOnANodesOwnMemoryRunsUnderALock() {
        List<JavaMethod> scheduled = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class)).toList();

        assertThat(scheduled.stream().filter(m -> m.isAnnotatedWith(SchedulerLock.class)).map(ScheduledJobsTest::name))
                .contains("org.gateboard.refusal.RetentionService.nightly",
                        "org.gateboard.security.LoginThrottle.purge");
        assertThat(scheduled.stream().filter(m -> !m.isAnnotatedWith(SchedulerLock.class)).map(ScheduledJobsTest::name))
                .containsExactlyInAnyOrderElementsOf(PER_NODE);
    }

    private static String name(JavaMethod method) {
        return method.getOwner().getName() + "." + method.getName();
    }
}
