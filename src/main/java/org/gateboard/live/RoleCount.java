package org.gateboard.live;

import org.gateboard.verdict.PersonRole;

/** Verdicts of one person role in a day. */
public record RoleCount(PersonRole role, long admitted, long refused) {
}
