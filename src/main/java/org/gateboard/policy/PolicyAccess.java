package org.gateboard.policy;

import org.gateboard.security.CurrentUser;
import org.gateboard.base.Role;
import org.gateboard.security.SignedInUser;
import org.gateboard.security.VenueAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may see and change which layer: officials the baseline and every venue; a manager only the venues
 * assigned to them. The one place the policy feature asks who is signed in, so that a change to how venues
 * are scoped is made here only.
 */
@Component
class PolicyAccess {

    private final CurrentUser currentUser;
    private final VenueAccess venueAccess;

    PolicyAccess(CurrentUser currentUser, VenueAccess venueAccess) {
        this.currentUser = currentUser;
        this.venueAccess = venueAccess;
    }

    String actor() {
        return currentUser.get().map(SignedInUser::username).orElse("system");
    }

    boolean isOfficial() {
        return currentUser.get().map(u -> u.role() == Role.OFFICIAL).orElse(false);
    }

    boolean canSee(long venueId) {
        return venueAccess.canSee(venueId);
    }

    /** The baseline: officials. A venue: officials, or a manager of that venue. */
    boolean canEdit(Long venueId) {
        Optional<SignedInUser> user = currentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        if (user.get().role() == Role.OFFICIAL) {
            return true;
        }
        return venueId != null && user.get().role() == Role.MANAGER && venueAccess.canSee(venueId);
    }

    void requireEdit(Long venueId) {
        if (!canEdit(venueId)) {
            throw new AccessDeniedException("May not change this policy layer");
        }
    }

    void requireOfficial() {
        if (!isOfficial()) {
            throw new AccessDeniedException("Only officials may do this");
        }
    }
}
