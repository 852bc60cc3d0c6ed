package org.gateboard.venue;

/** A bidding trading venue (交易场所). */
public record Venue(long id, String code, String nameZh, String nameEn, VenueLevel level, String district,
                    String address, boolean active, int version) {

    /** The name in the reader's language: English only when asked for, Chinese otherwise. */
    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
