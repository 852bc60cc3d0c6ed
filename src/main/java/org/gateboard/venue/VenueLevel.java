package org.gateboard.venue;

/** Where a venue sits in the city's structure (notice: city, districts, management committees, sub-centre). */
public enum VenueLevel {
    CITY, DISTRICT, COMMITTEE, SUBCENTRE
}
