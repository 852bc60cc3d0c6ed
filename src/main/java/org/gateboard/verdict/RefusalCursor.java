package org.gateboard.verdict;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of refusals ended: refusals are listed newest first by (scanned at, sequence number), and the
 * next page starts strictly after this pair. Its text form is opaque to clients.
 */
public record RefusalCursor(Instant scannedAt, long seq) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scannedAt.toEpochMilli() + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty when the text is not a cursor this class wrote. */
    public static Optional<RefusalCursor> decode(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new RefusalCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])),
                    Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
