package org.gateboard.poster;

import org.gateboard.verdict.Channel;

/**
 * A channel as posters show it: its names, what its QR code holds (an https URL or an app link) and the short
 * steps from the notice's annex. {@code required}: every venue must post it (notice rule 5).
 */
public record ChannelDefinition(Channel channel, String nameZh, String nameEn, String payload,
                                String instructionsZh, String instructionsEn, boolean required) {
}
