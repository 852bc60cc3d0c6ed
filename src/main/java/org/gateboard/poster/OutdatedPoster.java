package org.gateboard.poster;

/** A venue whose printed poster is older than its published one (the API's outdated list). */
public record OutdatedPoster(String venueCode, int publishedVersion, Integer printedVersion) {
}
