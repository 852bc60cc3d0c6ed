package org.gateboard.live;

import org.gateboard.policy.PolicyService;
import org.springframework.stereotype.Component;

import java.util.OptionalInt;

/** The version gates of a venue should run now, from the policy feature (which caches it briefly). */
@Component
class PolicyServiceVersions implements CurrentPolicyVersions {

    private final PolicyService policies;

    PolicyServiceVersions(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public OptionalInt currentVersion(long venueId) {
        return OptionalInt.of(policies.effectiveFor(venueId).version());
    }
}
