package org.gateboard.live;

import org.gateboard.policy.OutdatedDevices;
import org.gateboard.policy.PolicyService;
import org.gateboard.venue.Device;
import org.gateboard.venue.DeviceStatus;
import org.gateboard.verdict.DeviceContact;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The version gates of a venue should run now, from the policy feature (which caches it until the next
 * scheduled change); and, for the policy page, how many active devices of each venue lag behind it.
 */
@Component
class PolicyServiceVersions implements CurrentPolicyVersions, OutdatedDevices {

    private final PolicyService policies;
    private final Registry registry;
    private final LastContacts contacts;
    private final Clock clock;

    PolicyServiceVersions(PolicyService policies, Registry registry, LastContacts contacts, Clock clock) {
        this.policies = policies;
        this.registry = registry;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public Optional<InForce> current(long venueId) {
        return Optional.of(new InForce(policies.effectiveFor(venueId).version(), policies.inForceSince(venueId)));
    }

    @Override
    public Map<Long, Long> outdatedByVenue() {
        Registry.Snapshot reg = registry.get();
        long now = clock.millis();
        Map<Long, Long> outdated = new HashMap<>();
        reg.venues().forEach(v -> {
            InForce current = current(v.id()).orElseThrow();
            long n = 0;
            for (Device d : reg.devicesOf(v.id())) {
                DeviceContact c = contacts.get(d.id());
                if (d.status() == DeviceStatus.ACTIVE && c != null && current.isBehind(c.policyVersion(), now)) {
                    n++;
                }
            }
            outdated.put(v.id(), n);
        });
        return outdated;
    }
}
