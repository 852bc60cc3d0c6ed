package org.gateboard.security;

/**
 * An admin changed an account (role, venues, enabled, wall screen, password): its open sessions end and
 * cached views of its rights are dropped once the change is committed.
 */
public record AccountChanged(long userId, String username) {
}
