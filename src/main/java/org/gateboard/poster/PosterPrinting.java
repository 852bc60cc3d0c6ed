package org.gateboard.poster;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Role;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.pdf.PaperSize;
import org.gateboard.base.pdf.PdfPictures;
import org.gateboard.venue.Venue;
import org.gateboard.verdict.Channel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.OutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Prints published posters as PDF, and logs every print (who, which venues and versions, when), which is what
 * takes a venue off the outdated list. Previews are pictures of the same PDF bytes.
 */
@Service
public class PosterPrinting {

    /** The resolution of previews in the UI: enough to read the small print on a screen. */
    static final float PREVIEW_DPI = 60;

    /** A finished batch: how many venues' sheets it holds. */
    public record BatchResult(int venues, long printId) {
    }

    private final PosterStore store;
    private final VenueScope scope;
    private final AuditService audit;
    private final OutdatedVenues outdated;
    private final PosterContents contents;
    private final TransactionTemplate tx;
    private final Clock clock;

    PosterPrinting(PosterStore store, VenueScope scope, AuditService audit, OutdatedVenues outdated,
                   PosterContents contents, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.scope = scope;
        this.audit = audit;
        this.outdated = outdated;
        this.contents = contents;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * One channel's poster of the venue's published version, on {@code size} (null: the version's own paper).
     * Logged as a print of that channel.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    public byte[] printChannel(String venueCode, Channel channel, PaperSize size) {
        Published p = published(venueCode);
        if (channel == null || !p.content().channels().contains(channel)) {
            throw new UnknownRecordException("poster.error.channelNotPosted");
        }
        PaperSize paper = size == null ? p.content().paperSize() : size;
        byte[] pdf = PosterRenderer.channel(p.content(), channel, paper, label(p));
        log("CHANNEL", paper, List.of(new PosterStore.PrintItem(p.venue().id(), p.version(), channel)));
        return pdf;
    }

    /** The sheet of all the venue's channels, published version; logged as a print of every channel on it. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    public byte[] printSheet(String venueCode, PaperSize size) {
        Published p = published(venueCode);
        PaperSize paper = size == null ? p.content().paperSize() : size;
        byte[] pdf = PosterRenderer.sheet(p.content(), paper, label(p));
        log("SHEET", paper, items(p));
        return pdf;
    }

    /**
     * Every venue's sheet, one page each, written to {@code out} page by page (a page is flushed when the next
     * begins; only the font subset waits for the end). {@code progress} hears (done, total) after each page.
     * Logged as one print when the document is complete.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public BatchResult printBatch(PaperSize size, OutputStream out, BiConsumer<Integer, Integer> progress) {
        Map<Long, Venue> venues = scope.all().stream().collect(Collectors.toMap(Venue::id, v -> v));
        List<PosterStore.StoredVersion> latest = store.latestOfEveryVenue().stream()
                .filter(v -> venues.containsKey(v.venueId())).toList();
        List<PosterStore.PrintItem> items = new ArrayList<>();
        try (PosterRenderer.Pages pages = new PosterRenderer.Pages(out)) {
            int done = 0;
            for (PosterStore.StoredVersion v : latest) {
                Published p = new Published(venues.get(v.venueId()), v.version(), v.hash(),
                        contents.parse(v.json()));
                pages.sheet(p.content(), size, label(p));
                items.addAll(items(p));
                progress.accept(++done, latest.size());
            }
        }
        long id = log("BATCH", size, items);
        return new BatchResult(latest.size(), id);
    }

    /** A picture of the draft as it would print if published now, rendered from the same PDF code. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    public byte[] previewDraft(PosterContent draft) {
        return PdfPictures.firstPageAsPng(PosterRenderer.sheet(draft, draft.paperSize(), "草稿 · draft"), PREVIEW_DPI);
    }

    /** A picture of a published version's sheet, the very page a print of it holds. Not a print: not logged. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    public byte[] previewVersion(PosterVersion version) {
        Venue venue = scope.require(version.venueId());
        Published p = new Published(venue, version.version(), version.contentHash(), version.content());
        return PdfPictures.firstPageAsPng(PosterRenderer.sheet(p.content(), p.content().paperSize(), label(p)),
                PREVIEW_DPI);
    }

    private record Published(Venue venue, int version, String hash, PosterContent content) {
    }

    private Published published(String venueCode) {
        Venue venue = scope.requireByCode(venueCode);
        PosterStore.StoredVersion v = store.latest(venue.id())
                .orElseThrow(() -> new UnknownRecordException("poster.error.notPublished"));
        return new Published(venue, v.version(), v.hash(), contents.parse(v.json()));
    }

    private static List<PosterStore.PrintItem> items(Published p) {
        return p.content().channels().stream()
                .map(ch -> new PosterStore.PrintItem(p.venue().id(), p.version(), ch)).toList();
    }

    private long log(String kind, PaperSize size, List<PosterStore.PrintItem> items) {
        Long id = tx.execute(status -> {
            long printId = store.insertPrint(kind, size, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    PosterService.actor(), items);
            Set<String> versions = items.stream().map(i -> i.venueId() + "/" + i.version())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            audit.record("poster_print", printId, "print", null, Map.of("kind", kind, "paperSize", size.name(),
                    "versions", versions, "items", items.size()));
            outdated.changed();
            return printId;
        });
        return id == null ? 0 : id;
    }

    /** Printed in the corner of each page: which version this paper shows, so staff can tell an old one. */
    private static String label(Published p) {
        return p.venue().code() + " · v" + p.version() + " · " + p.hash().substring(0, 8);
    }
}
