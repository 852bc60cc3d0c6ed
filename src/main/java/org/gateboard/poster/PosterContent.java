package org.gateboard.poster;

import org.gateboard.base.pdf.PaperSize;
import org.gateboard.verdict.Channel;

import java.util.List;

/**
 * Everything one version of a venue's poster prints, frozen at publication: the venue's own texts and, for each
 * channel it posts, the channel's definition and template as they were then. Rendering reads nothing else.
 */
public record PosterContent(String venueCode, String venueNameZh, String venueNameEn, String controlPointZh,
                            String controlPointEn, String locationZh, String locationEn, String notesZh,
                            String notesEn, PaperSize paperSize, PosterLanguage language, List<Part> parts) {

    /** One channel's code and texts on the poster. */
    public record Part(ChannelDefinition channel, PosterTemplate template) {
    }

    public List<Channel> channels() {
        return parts.stream().map(p -> p.channel().channel()).toList();
    }

    public PosterContent withPaperSize(PaperSize size) {
        return new PosterContent(venueCode, venueNameZh, venueNameEn, controlPointZh, controlPointEn, locationZh,
                locationEn, notesZh, notesEn, size, language, parts);
    }
}
