package org.gateboard.policy;

import java.util.Map;

/**
 * How many active devices of each venue lag behind its policy version in force: implemented by the live
 * dashboard, which knows what each device last reported (and depends on this feature, not the other way).
 */
public interface OutdatedDevices {

    /** By venue id; a venue with none may be absent. */
    Map<Long, Long> outdatedByVenue();
}
