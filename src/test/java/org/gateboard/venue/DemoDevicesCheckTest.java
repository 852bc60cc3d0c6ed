package org.gateboard.venue;

import org.gateboard.base.StartRefused;
import org.gateboard.testsupport.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile's check, run on the tests' database, which demo mode filled. */
class DemoDevicesCheckTest extends DatabaseTest {

    @Autowired
    VenueService venues;

    @Test
    void productionRefusesToStartWhileDevicesAnswerToDemoTokens() {
        DemoDevicesCheck check = new DemoDevicesCheck(venues);

        // other tests may revoke some of them
        assertThat(check.demoDevices()).isNotEmpty().allMatch(d -> d.matches("[A-Z-]+/G[1-4]"));
        assertThatThrownBy(() -> check.run(null)).isInstanceOf(StartRefused.class)
                .hasMessageContaining("demo devices").hasMessageContaining(check.demoDevices().get(0));
    }
}
