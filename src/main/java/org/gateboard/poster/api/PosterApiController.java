package org.gateboard.poster.api;

import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.poster.ChannelDefinition;
import org.gateboard.poster.OutdatedPoster;
import org.gateboard.poster.PosterPrinting;
import org.gateboard.poster.PosterService;
import org.gateboard.verdict.Channel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * The posters over HTTP Basic (the people's API chain): channels for admins and managers, a channel change for
 * admins, each venue's published poster as PDF (a logged print), and the outdated list. Errors are problem
 * details; a venue a manager may not see answers 404 like an unknown one.
 */
@RestController
@RequestMapping("/api/v1")
class PosterApiController {

    /** The body of a channel change: the fields of {@code GET /api/v1/channels}, and why (optional). */
    record ChannelBody(String channel, String nameZh, String nameEn, String payload, String instructionsZh,
                       String instructionsEn, Boolean required, String reason) {
    }

    /** The changed channel, and how many venue posters were republished because of it. */
    record ChannelChanged(Channel channel, String nameZh, String nameEn, String payload, String instructionsZh,
                          String instructionsEn, boolean required, int republished) {
    }

    private final PosterService posters;
    private final PosterPrinting printing;

    PosterApiController(PosterService posters, PosterPrinting printing) {
        this.posters = posters;
        this.printing = printing;
    }

    @GetMapping("/channels")
    List<ChannelDefinition> channels() {
        return posters.channels();
    }

    @PutMapping("/admin/channels/{channel}")
    ChannelChanged updateChannel(@PathVariable String channel, @RequestBody ChannelBody body) {
        Channel c = channel(channel);
        if (body.channel() != null && !body.channel().equalsIgnoreCase(c.name())) {
            throw new UserFacingException("poster.error.channelMismatch");
        }
        if (body.required() == null) {
            throw new UserFacingException("poster.error.requiredMissing");
        }
        String reason = body.reason() == null || body.reason().isBlank() ? "API" : body.reason();
        int republished = posters.updateChannel(new ChannelDefinition(c, body.nameZh(), body.nameEn(), body.payload(),
                body.instructionsZh(), body.instructionsEn(), body.required()), reason);
        ChannelDefinition d = posters.channels().stream().filter(x -> x.channel() == c).findFirst().orElseThrow();
        return new ChannelChanged(d.channel(), d.nameZh(), d.nameEn(), d.payload(), d.instructionsZh(),
                d.instructionsEn(), d.required(), republished);
    }

    @GetMapping("/posters/{venueCode}/{channel}.pdf")
    ResponseEntity<byte[]> channelPoster(@PathVariable String venueCode, @PathVariable String channel,
                                         @RequestParam(required = false) String size) {
        Channel c = channel(channel);
        return pdf(venueCode + "-" + c + ".pdf", printing.printChannel(venueCode, c, size(size)));
    }

    @GetMapping("/posters/{venueCode}.pdf")
    ResponseEntity<byte[]> sheet(@PathVariable String venueCode, @RequestParam(required = false) String size) {
        return pdf(venueCode + ".pdf", printing.printSheet(venueCode, size(size)));
    }

    @GetMapping("/posters/outdated")
    List<OutdatedPoster> outdated() {
        return posters.outdated();
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(body);
    }

    private static Channel channel(String text) {
        try {
            return Channel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnknownRecordException("poster.error.channel");
        }
    }

    private static PaperSize size(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PaperSize.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("poster.error.size");
        }
    }
}
