package org.gateboard.refusal.api;

import jakarta.servlet.http.HttpServletResponse;
import org.gateboard.base.UserFacingException;
import org.gateboard.refusal.Disposition;
import org.gateboard.refusal.ExportFormat;
import org.gateboard.refusal.RefusalDetail;
import org.gateboard.refusal.RefusalEvidence;
import org.gateboard.refusal.RefusalExport;
import org.gateboard.refusal.RefusalItem;
import org.gateboard.refusal.RefusalItems;
import org.gateboard.refusal.RefusalSearch;
import org.gateboard.refusal.RefusalService;
import org.gateboard.refusal.Review;
import org.gateboard.refusal.ReviewRequest;
import org.gateboard.refusal.ReviewStatus;
import org.gateboard.verdict.Channel;
import org.gateboard.verdict.CodeColor;
import org.gateboard.verdict.PersonRole;
import org.gateboard.verdict.RefusalReason;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Refusal review for city supervision systems and scripts, HTTP Basic as an official (managers read their
 * venues). ID numbers travel only in request bodies, never in a URL. See docs/refusal-review.md.
 */
@RestController
@RequestMapping("/api/v1/refusals")
class RefusalController {

    static final int DEFAULT_LIMIT = 50;

    /** The search body; {@code limit} at most 500, {@code after} the {@code next} of the page before. */
    record SearchBody(Instant from, Instant to, String venueCode, Long gateId, Set<RefusalReason> reasons,
                      PersonRole personRole, Channel channel, Boolean nonConforming, ReviewStatus reviewStatus,
                      String idNumber, Integer limit, String after) {

        RefusalSearch search() {
            return new RefusalSearch(from, to, venueCode, gateId, reasons, personRole, channel, nonConforming,
                    reviewStatus, idNumber);
        }

        @Override
        public String toString() {
            return search().toString();
        }
    }

    /** A listed refusal, with exactly the fields the API promises. */
    record Item(UUID verdictId, Instant scannedAt, String venueCode, long gateId, Set<RefusalReason> reasons,
                CodeColor codeColor, Channel channel, BigDecimal temperatureC, PersonRole personRole,
                String idNumberMasked, String personName, int policyVersion, String nonConformance, Review review) {

        static Item of(RefusalItem i) {
            return new Item(i.verdictId(), i.scannedAt(), i.venueCode(), i.gateId(), i.reasons(), i.codeColor(),
                    i.channel(), i.temperatureC(), i.personRole(), i.idNumberMasked(), i.personName(),
                    i.policyVersion(), i.nonConformance(), i.review());
        }
    }

    record Page(List<Item> items, String next) {
    }

    record BulkBody(List<UUID> verdictIds, Disposition disposition, String comment) {
    }

    private final RefusalService refusals;
    private final RefusalExport export;
    private final RefusalEvidence evidence;

    RefusalController(RefusalService refusals, RefusalExport export, RefusalEvidence evidence) {
        this.refusals = refusals;
        this.export = export;
        this.evidence = evidence;
    }

    @PostMapping("/search")
    Page search(@RequestBody(required = false) SearchBody body) {
        SearchBody b = body == null ? new SearchBody(null, null, null, null, null, null, null, null, null, null, null,
                null) : body;
        RefusalItems page = refusals.search(b.search(), b.after(), b.limit() == null ? DEFAULT_LIMIT : b.limit());
        return new Page(page.items().stream().map(Item::of).toList(), page.next());
    }

    @GetMapping("/{verdictId}")
    RefusalDetail detail(@PathVariable String verdictId) {
        return refusals.detail(uuid(verdictId));
    }

    /** The evidence sheet as PDF (A4); producing it is audited, and the sheet prints that audit entry. */
    @GetMapping("/{verdictId}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable String verdictId) {
        UUID id = uuid(verdictId);
        byte[] pdf = evidence.sheet(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(RefusalEvidence.fileName(id)).build().toString())
                .body(pdf);
    }

    @PostMapping("/{verdictId}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Review review(@PathVariable String verdictId, @RequestBody ReviewRequest body) {
        return refusals.review(uuid(verdictId), body);
    }

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Integer> reviewAll(@RequestBody BulkBody body) {
        int n = refusals.reviewAll(body.verdictIds() == null ? List.of() : body.verdictIds(),
                new ReviewRequest(body.disposition(), body.comment(), null, null));
        return Map.of("recorded", n);
    }

    /**
     * The search's refusals, written while they are read; no {@code limit}, no {@code after}. CSV unless the
     * request accepts XLSX (and not CSV before it).
     */
    @PostMapping("/export")
    void export(@RequestBody(required = false) SearchBody body,
                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) throws IOException {
        RefusalSearch search = body == null ? RefusalSearch.everything() : body.search();
        ExportFormat format = format(accept);
        // before the answer starts: a bad filter still gets problem details, not a broken file
        refusals.validate(search);
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(format.fileName()).build().toString());
        export.export(search, format, response.getOutputStream(), rows -> {
        });
    }

    /** XLSX when the Accept header names it before any CSV (quality first, then order); CSV otherwise. */
    static ExportFormat format(String accept) {
        if (accept == null || accept.isBlank()) {
            return ExportFormat.CSV;
        }
        MediaType xlsx = MediaType.parseMediaType(ExportFormat.XLSX.contentType());
        MediaType csv = MediaType.parseMediaType("text/csv");
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return ExportFormat.CSV;
        }
        // a stable sort: among equal qualities the header's order stands
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType t : types) {
            if (t.getQualityValue() > 0 && t.equalsTypeAndSubtype(xlsx)) {
                return ExportFormat.XLSX;
            }
            if (t.getQualityValue() > 0 && t.equalsTypeAndSubtype(csv)) {
                return ExportFormat.CSV;
            }
        }
        return ExportFormat.CSV;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("refusal.error.verdictId");
        }
    }
}
