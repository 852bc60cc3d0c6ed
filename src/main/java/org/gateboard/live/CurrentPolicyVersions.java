package org.gateboard.live;

import java.util.OptionalInt;

/**
 * The policy version in force now at a venue, to flag devices that run an older one. Implemented by a bean
 * over the policy feature's service ({@link PolicyServiceVersions}); without one, nothing is flagged.
 */
@FunctionalInterface
public interface CurrentPolicyVersions {

    CurrentPolicyVersions UNKNOWN = venueId -> OptionalInt.empty();

    OptionalInt currentVersion(long venueId);
}
