package org.gateboard.poster;

import org.gateboard.base.UserFacingException;
import org.gateboard.base.pdf.QrCodes;
import org.gateboard.verdict.Channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What the poster feature accepts. Every refusal is a {@link UserFacingException} with a message key, so the UI
 * shows a translated sentence and the API a problem detail, and nothing is stored.
 */
final class PosterRules {

    /** https for web pages; alipays and weixin open the Alipay and WeChat apps directly. */
    static final Set<String> SCHEMES = Set.of("https", "alipays", "weixin");
    static final int PAYLOAD_MAX = 100;
    /**
     * QR version 4 (33 × 33 modules) at most: on the smallest code we print (62 mm, an A4 sheet) a module is then
     * at least 1.88 mm, which a phone camera resolves from one metre (see docs/posters.md).
     */
    static final int MODULES_MAX = 33;

    private PosterRules() {
    }

    static ChannelDefinition channel(ChannelDefinition c) {
        if (c == null || c.channel() == null) {
            throw new UserFacingException("poster.error.channel");
        }
        String payload = trim(c.payload());
        if (payload.isEmpty() || payload.length() > PAYLOAD_MAX) {
            throw new UserFacingException("poster.error.payloadLength", PAYLOAD_MAX);
        }
        String scheme = scheme(payload);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new UserFacingException("poster.error.payloadScheme", String.join(", ", SCHEMES.stream().sorted().toList()));
        }
        int modules = QrCodes.modules(payload);
        if (modules < 0 || modules > MODULES_MAX) {
            throw new UserFacingException("poster.error.payloadTooDense", MODULES_MAX);
        }
        return new ChannelDefinition(c.channel(), text(c.nameZh(), 60, "poster.error.name"),
                text(c.nameEn(), 60, "poster.error.name"), payload,
                text(c.instructionsZh(), 200, "poster.error.instructions"),
                text(c.instructionsEn(), 300, "poster.error.instructions"), c.required());
    }

    static PosterTemplate template(PosterTemplate t) {
        if (t == null || t.channel() == null) {
            throw new UserFacingException("poster.error.channel");
        }
        if (t.paperSize() == null || t.language() == null) {
            throw new UserFacingException("poster.error.paperOrLanguage");
        }
        return new PosterTemplate(t.channel(), text(t.titleZh(), 60, "poster.error.title"),
                text(t.titleEn(), 100, "poster.error.title"), text(t.instructionsZh(), 300, "poster.error.instructions"),
                text(t.instructionsEn(), 500, "poster.error.instructions"), text(t.footerZh(), 120, "poster.error.footer"),
                text(t.footerEn(), 200, "poster.error.footer"), text(t.appealZh(), 120, "poster.error.appeal"),
                text(t.appealEn(), 200, "poster.error.appeal"), t.paperSize(), t.language());
    }

    static PosterDraft draft(PosterDraft d, Set<Channel> required) {
        if (d.paperSize() == null || d.language() == null) {
            throw new UserFacingException("poster.error.paperOrLanguage");
        }
        if (d.channels() == null || !d.channels().containsAll(required)) {
            throw new UserFacingException("poster.error.requiredChannels");
        }
        return new PosterDraft(d.venueId(), text(d.controlPointZh(), 60, "poster.error.controlPoint"),
                optional(d.controlPointEn(), 100, "poster.error.controlPoint"),
                optional(d.locationZh(), 100, "poster.error.location"),
                optional(d.locationEn(), 150, "poster.error.location"),
                optional(d.notesZh(), 300, "poster.error.notes"), optional(d.notesEn(), 500, "poster.error.notes"),
                Set.copyOf(d.channels()), d.paperSize(), d.language(), d.version());
    }

    static String reason(String reason) {
        return text(reason, 300, "poster.error.reason");
    }

    private static String scheme(String payload) {
        try {
            URI uri = new URI(payload);
            return uri.getScheme() == null || uri.getRawSchemeSpecificPart() == null
                    || uri.getRawSchemeSpecificPart().length() < 3 ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String text(String value, int max, String key) {
        String v = trim(value);
        if (v.isEmpty() || v.length() > max) {
            throw new UserFacingException(key, max);
        }
        return v;
    }

    private static String optional(String value, int max, String key) {
        String v = trim(value);
        if (v.length() > max) {
            throw new UserFacingException(key, max);
        }
        return v;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
