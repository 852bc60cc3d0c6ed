package org.gateboard.poster;

import java.time.Instant;
import java.util.List;

/**
 * One published, immutable version of a venue's poster. {@code changes} names what differs from the version
 * before (field paths such as {@code channels.ALIPAY.payload}); empty for the first.
 */
public record PosterVersion(long venueId, int version, String contentHash, Instant publishedAt, String publishedBy,
                            String reason, PosterContent content, List<String> changes) {
}
