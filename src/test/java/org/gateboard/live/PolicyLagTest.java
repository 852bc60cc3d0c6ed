package org.gateboard.live;

import org.gateboard.policy.NoticeBaseline;
import org.gateboard.policy.PolicyDraft;
import org.gateboard.policy.PolicyEditor;
import org.gateboard.policy.PolicyTesting;
import org.gateboard.base.Role;
import org.gateboard.testsupport.DatabaseTest;
import org.gateboard.testsupport.VerdictFixture;
import org.gateboard.testsupport.VerdictFixture.TestVenue;
import org.gateboard.verdict.DeviceReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoticeBaseline.class)
class PolicyLagTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PolicyEditor editor;
    @Autowired
    PolicyServiceVersions versions;

    @Test
    void aDeviceOnTheOldVersionIsFlaggedOnlyOnceTheNewOneHasBeenInForceForFiveMinutes() {
        VerdictFixture fixture = new VerdictFixture(context);
        TestVenue v = fixture.newVenue("测试区", 1);
        PolicyTesting.signIn("official", Role.OFFICIAL);
        int version = editor.submit(new PolicyDraft(v.id(), PolicyTesting.params("37.0", true, true, "GREEN"), null,
                "Tighter")).version();
        fixture.publish(new DeviceReported(v.device(0).id(), v.gate(0).id(), v.id(), clock.instant(), 0, 0L, 1));

        DeviceHealth fresh = device(v);
        assertThat(fresh.currentPolicyVersion()).isEqualTo(version);
        assertThat(fresh.policyOutdated()).isFalse();
        assertThat(versions.outdatedByVenue()).containsEntry(v.id(), 0L);

        clock.advance(Duration.ofMinutes(5).plusSeconds(5));

        assertThat(device(v).policyOutdated()).isTrue();
        assertThat(versions.outdatedByVenue()).containsEntry(v.id(), 1L);
        fixture.publish(new DeviceReported(v.device(0).id(), v.gate(0).id(), v.id(), clock.instant(), 0, 0L,
                version));
        assertThat(device(v).policyOutdated()).isFalse();
    }

    private DeviceHealth device(TestVenue v) {
        return TodaysFigures.of(context, v.id()).devices().get(0);
    }
}
