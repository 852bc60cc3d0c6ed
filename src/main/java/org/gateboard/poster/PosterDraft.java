package org.gateboard.poster;

import org.gateboard.base.pdf.PaperSize;
import org.gateboard.verdict.Channel;

import java.util.Set;

/**
 * What a venue's manager edits: the control point (场所管控处) and where it is, the channels the venue posts
 * (at least the required ones), local notes (opening hours, where to queue, where to deliver bid documents),
 * paper and language. {@code version} guards against overwriting someone else's edit; 0 for a venue that has
 * no draft yet.
 */
public record PosterDraft(long venueId, String controlPointZh, String controlPointEn, String locationZh,
                          String locationEn, String notesZh, String notesEn, Set<Channel> channels,
                          PaperSize paperSize, PosterLanguage language, int version) {
}
