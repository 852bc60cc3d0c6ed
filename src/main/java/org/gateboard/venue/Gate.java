package org.gateboard.venue;

/** An entrance control point of a venue (场所管控处). */
public record Gate(long id, long venueId, String code, String nameZh, String nameEn, boolean active, int version) {

    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
