package org.gateboard.venue;

import org.gateboard.base.StartRefused;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Production does not start while a device still answers to a demo token: those tokens are derived from
 * the venue and gate codes and printed at every demo start, so anyone could post verdicts with them.
 */
@Component
@Profile("prod")
@Order(0)
class DemoDevicesCheck implements ApplicationRunner {

    private final VenueService venues;

    DemoDevicesCheck(VenueService venues) {
        this.venues = venues;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> demo = demoDevices();
        if (!demo.isEmpty()) {
            throw new StartRefused("The prod profile does not start while demo devices exist: the devices at "
                    + demo + " still answer to their public demo tokens.",
                    "Start once without the prod profile (with gateboard.demo.enabled=false), revoke these devices "
                            + "on the Devices page, then start with prod again.");
        }
    }

    /** Venue/gate of every device that is not revoked and still has its demo token. */
    List<String> demoDevices() {
        List<String> result = new ArrayList<>();
        for (Venue v : venues.venues()) {
            for (Gate g : venues.gates(v.id())) {
                venues.deviceByToken(DemoVenues.demoToken(v.code(), g.code()))
                        .filter(id -> id.status() != DeviceStatus.REVOKED)
                        .ifPresent(id -> result.add(v.code() + "/" + g.code()));
            }
        }
        return result;
    }
}
