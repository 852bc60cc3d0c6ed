package org.gateboard.refusal;

import java.time.Instant;

/**
 * Someone looked at a person's data: opened a refusal's detail ({@code DETAIL}), or searched or exported by
 * the person's ID number ({@code SEARCH}, {@code EXPORT}); {@code rows} how many records it showed.
 */
public record Look(Instant lookedAt, String actor, String kind, Long rows) {
}
