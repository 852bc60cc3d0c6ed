package org.gateboard.refusal;

import org.gateboard.base.RuleViolationException;
import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditPosition;
import org.gateboard.audit.AuditService;
import org.gateboard.base.Role;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.base.UserFacingException;
import org.gateboard.base.db.ReplicaReads;
import org.gateboard.live.DeviceHealth;
import org.gateboard.live.LiveStatsService;
import org.gateboard.policy.PolicyService;
import org.gateboard.refusal.internal.ReviewStore;
import org.gateboard.refusal.internal.Scope;
import org.gateboard.refusal.internal.Searcher;
import org.gateboard.venue.Gate;
import org.gateboard.venue.Venue;
import org.gateboard.venue.VenueService;
import org.gateboard.verdict.RefusalCursor;
import org.gateboard.verdict.RefusalFilter;
import org.gateboard.verdict.RefusalQueries;
import org.gateboard.verdict.RefusalRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Officials find and judge refusals; managers read those of their venues (names masked, no dispositions);
 * admins have no access. Every opened detail and every search by ID number is written to the audit trail and
 * to the log of looks, so officials can tell who looked at a person's data.
 */
@Service
public class RefusalService {

    public static final int MAX_LIMIT = 500;
    public static final int MAX_BULK = 1_000;
    static final int MAX_COMMENT = 2_000;
    private static final Duration QUEUE_WINDOW = Duration.ofDays(7);

    private final RefusalQueries queries;
    private final Searcher searcher;
    private final ReviewStore reviews;
    private final Scope scope;
    private final VenueService venues;
    private final PolicyService policies;
    private final LiveStatsService live;
    private final AuditService audit;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    RefusalService(RefusalQueries queries, Searcher searcher, ReviewStore reviews, Scope scope, VenueService venues,
                   PolicyService policies, LiveStatsService live, AuditService audit, Clock clock, ZoneId venueZone,
                   PlatformTransactionManager transactions) {
        this.queries = queries;
        this.searcher = searcher;
        this.reviews = reviews;
        this.scope = scope;
        this.venues = venues;
        this.policies = policies;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.zone = venueZone;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /**
     * One page of refusals, newest first; {@code after} is the {@code next} of the page before (null: first).
     * A search by ID number is logged as a look in the same transaction, on the primary; any other search is a
     * read the replica may answer.
     */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public RefusalItems search(RefusalSearch search, String after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UserFacingException("refusal.error.limit", MAX_LIMIT);
        }
        RefusalCursor cursor = after == null || after.isBlank() ? null
                : RefusalCursor.decode(after).orElseThrow(() -> new UserFacingException("refusal.error.cursor"));
        RefusalFilter filter = filter(search);
        Searcher.Found found;
        if (filter.idNumberHash() == null) {
            found = ReplicaReads.read(() -> readTx.execute(status ->
                    searcher.page(filter, search.reviewStatus(), cursor, limit)));
        } else {
            found = tx.execute(status -> {
                Searcher.Found page = searcher.page(filter, search.reviewStatus(), cursor, limit);
                look("SEARCH", null, filter.idNumberHash(), page.rows().size(), search, null);
                return page;
            });
        }
        return new RefusalItems(items(found.rows(), found.reviews()),
                found.next() == null ? null : found.next().encode());
    }

    /** How many refusals the search matches, whatever their review status (the log's own count). */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public long count(RefusalSearch search) {
        RefusalFilter filter = filter(search);
        return ReplicaReads.read(() -> readTx.execute(status -> queries.count(filter)));
    }

    /** Everything about one refusal; the opening is audited. */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    @Transactional
    public RefusalDetail detail(UUID verdictId) {
        RefusalRow row = visible(verdictId);
        RefusalDetail detail = detailOf(row);
        look("DETAIL", row, null, 1, null, verdictId);
        return detail;
    }

    /**
     * The detail for an evidence sheet, its look logged as one (kind EVIDENCE); answers the audit entry of that
     * look with it, to be printed on the sheet. Checked and run in a transaction by {@link RefusalEvidence}.
     */
    RefusalEvidence.Evidence evidence(UUID verdictId) {
        RefusalRow row = visible(verdictId);
        RefusalDetail detail = detailOf(row);
        AuditPosition look = look("EVIDENCE", row, null, 1, null, verdictId);
        return new RefusalEvidence.Evidence(detail, look, scope.user().username());
    }

    private RefusalDetail detailOf(RefusalRow row) {
        LocalDate day = row.scannedAt().atZone(zone).toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        List<RefusalRow> sameDay = queries.samePerson(row.seq(), dayStart, day.plusDays(1).atStartOfDay(zone).toInstant());
        Map<Long, String> venueCodes = new HashMap<>();
        Map<Long, String> gateCodes = new HashMap<>();
        List<TimelineEntry> timeline = sameDay.stream().map(v -> new TimelineEntry(v.verdictId(), v.scannedAt(),
                venueCodes.computeIfAbsent(v.venueId(), this::venueCode), gateCodes.computeIfAbsent(v.gateId(), this::gateCode),
                v.outcome(), v.reasons(), v.temperatureC(), v.seq() == row.seq())).toList();
        Map<Long, Review> current = reviews.current(List.of(row.seq()));
        RefusalItem item = items(List.of(row), current).get(0);
        return new RefusalDetail(item, row.receivedAt(), row.photoOnCode(), row.idChecked(), row.maskWorn(),
                row.checkMillis(), row.nonConforming(), venues.venue(row.venueId()).orElse(null),
                venues.gate(row.gateId()).orElse(null), venues.device(row.deviceId()).orElse(null),
                policies.version(row.policyVersion()).orElse(null), health(row), timeline,
                reviews.history(row.seq()));
    }

    /** Records a disposition of one refusal (officials only); earlier ones stay in the history. */
    @RolesAllowed(Role.Names.OFFICIAL)
    @Transactional
    public Review review(UUID verdictId, ReviewRequest request) {
        RefusalRow row = visible(verdictId);
        return add(row, checked(request));
    }

    /** The same disposition for many refusals at once, all or none; answers how many were recorded. */
    @RolesAllowed(Role.Names.OFFICIAL)
    @Transactional
    public int reviewAll(List<UUID> verdictIds, ReviewRequest request) {
        ReviewRequest checked = checked(request);
        Set<UUID> distinct = Set.copyOf(verdictIds);
        if (distinct.isEmpty() || distinct.size() > MAX_BULK) {
            throw new RuleViolationException("refusal.error.bulkSize", MAX_BULK);
        }
        List<RefusalRow> rows = queries.refusals(distinct);
        if (rows.size() != distinct.size()) {
            throw new UnknownRecordException("refusal.error.someUnknown", distinct.size() - rows.size());
        }
        rows.forEach(row -> add(row, checked));
        return rows.size();
    }

    /** Unreviewed refusals of the last week per visible venue, most waiting first; venues with none left out. */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public List<QueueEntry> queue() {
        List<Venue> visible = scope.visibleVenues();
        List<Long> ids = visible.stream().map(Venue::id).toList();
        Instant now = clock.instant();
        Instant[] bounds = {now.minus(QUEUE_WINDOW), now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1))};
        List<Map<Long, Long>> unreviewed = new ArrayList<>();
        for (int i = bounds.length - 2; i >= 0; i--) {
            Map<Long, Long> refused = queries.countByVenue(ids, bounds[i], bounds[i + 1]);
            Map<Long, Long> reviewed = reviews.reviewedByVenue(ids, bounds[i], bounds[i + 1]);
            Map<Long, Long> open = new HashMap<>();
            refused.forEach((venue, n) -> open.put(venue, Math.max(0, n - reviewed.getOrDefault(venue, 0L))));
            unreviewed.add(open);
        }
        return visible.stream().map(v -> new QueueEntry(v, unreviewed.get(0).getOrDefault(v.id(), 0L),
                        unreviewed.get(1).getOrDefault(v.id(), 0L), unreviewed.get(2).getOrDefault(v.id(), 0L)))
                .filter(q -> q.total() > 0)
                .sorted(Comparator.comparingLong(QueueEntry::older).thenComparingLong(QueueEntry::total).reversed())
                .toList();
    }

    /** Who looked at the data of the person with this ID number (officials only); the question is audited too. */
    @RolesAllowed(Role.Names.OFFICIAL)
    @Transactional
    public List<Look> looksAt(String idNumber) {
        byte[] hash = hash(idNumber);
        List<Look> looks = reviews.looks(queries.refusalSeqsOf(hash), hash);
        audit.record("refusal-person", null, "refusal.looks.listed", null, Map.of("rows", looks.size()));
        return looks;
    }

    /** The venues the signed-in person may search. */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public List<Venue> visibleVenues() {
        return scope.visibleVenues();
    }

    /** Checks a search as {@link #search} would, without running it (e.g. before an export starts its answer). */
    @RolesAllowed({Role.Names.OFFICIAL, Role.Names.MANAGER})
    public void validate(RefusalSearch search) {
        filter(search);
    }

    /** The verdict log's filter for a search, narrowed to the signed-in person's venues. */
    RefusalFilter filter(RefusalSearch s) {
        Set<Long> scopeIds = scope.venueIds();
        Set<Long> venueIds = scopeIds;
        if (s.venueCode() != null) {
            Optional<Venue> venue = venues.venues().stream().filter(v -> v.code().equalsIgnoreCase(s.venueCode()))
                    .findFirst();
            if (venue.isEmpty() || (scopeIds != null && !scopeIds.contains(venue.get().id()))) {
                throw new UnknownRecordException("refusal.error.venue", s.venueCode());
            }
            venueIds = Set.of(venue.get().id());
        }
        if (s.from() != null && s.to() != null && !s.from().isBefore(s.to())) {
            throw new UserFacingException("refusal.error.range");
        }
        byte[] hash = s.idNumber() == null ? null : hash(s.idNumber());
        return new RefusalFilter(s.from(), s.to(), venueIds, s.gateId(), s.reasons(), s.personRole(), s.channel(),
                s.nonConforming(), hash);
    }

    /** For the export: names shown in full only to officials. */
    List<RefusalItem> items(List<RefusalRow> rows, Map<Long, Review> current) {
        return items(rows, current, new Codes());
    }

    /**
     * The venue and gate codes met so far: one export keeps them from chunk to chunk, so each venue and gate
     * is looked up once, not once per chunk (which made the registry look-ups the export's slowest part).
     */
    static final class Codes {
        private final Map<Long, String> venues = new HashMap<>();
        private final Map<Long, String> gates = new HashMap<>();
    }

    List<RefusalItem> items(List<RefusalRow> rows, Map<Long, Review> current, Codes codes) {
        boolean names = scope.seesNames();
        List<RefusalItem> items = new ArrayList<>(rows.size());
        for (RefusalRow r : rows) {
            items.add(new RefusalItem(r.verdictId(), r.scannedAt(), r.venueId(),
                    codes.venues.computeIfAbsent(r.venueId(), this::venueCode), r.gateId(),
                    codes.gates.computeIfAbsent(r.gateId(), this::gateCode), r.reasons(), r.codeColor(), r.channel(),
                    r.temperatureC(), r.personRole(), r.idNumberMasked(),
                    names ? r.personName() : Scope.maskName(r.personName()), r.policyVersion(),
                    r.nonConforming() ? r.nonConformance() : null, current.get(r.seq())));
        }
        return items;
    }

    AuditPosition look(String kind, RefusalRow row, byte[] idHash, long rows, RefusalSearch search, UUID verdictId) {
        String actor = scope.user().username();
        reviews.look(actor, clock.instant(), kind, row == null ? null : row.seq(), idHash, rows);
        Map<String, Object> what = new LinkedHashMap<>();
        if (search != null) {
            what.put("filter", search.describe());
        }
        what.put("rows", rows);
        return audit.record(verdictId == null ? "refusal-search" : "refusal", verdictId,
                "refusal." + kind.toLowerCase(Locale.ROOT) + ".viewed", null, what);
    }

    private byte[] hash(String idNumber) {
        return queries.idNumberHash(idNumber).orElseThrow(() -> new UserFacingException("refusal.error.idNumber"));
    }

    private RefusalRow visible(UUID verdictId) {
        Optional<RefusalRow> row = queries.refusal(verdictId);
        if (row.isEmpty() || !scope.canSee(row.get().venueId())) {
            throw new UnknownRecordException("refusal.error.unknown");
        }
        return row.get();
    }

    private Review add(RefusalRow row, ReviewRequest r) {
        String by = scope.user().username();
        Instant at = clock.instant();
        long id = reviews.add(row, r.disposition(), r.comment(), r.appealReference(), r.appealOutcome(), by, at);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("review", id);
        after.put("disposition", r.disposition());
        after.put("comment", r.comment());
        after.put("appealReference", r.appealReference());
        after.put("appealOutcome", r.appealOutcome());
        long entry = audit.record("refusal", row.verdictId(), "refusal.reviewed", null, after).id();
        reviews.auditEntry(id, entry);
        return new Review(id, r.disposition(), r.comment(), r.appealReference(), r.appealOutcome(), by, at, entry);
    }

    private static ReviewRequest checked(ReviewRequest r) {
        if (r == null || r.disposition() == null) {
            throw new RuleViolationException("refusal.error.disposition");
        }
        String comment = trimmed(r.comment());
        if (comment == null) {
            throw new RuleViolationException("refusal.error.commentRequired");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new RuleViolationException("refusal.error.commentLength", MAX_COMMENT);
        }
        String reference = trimmed(r.appealReference());
        String outcome = trimmed(r.appealOutcome());
        if (r.disposition() == Disposition.APPEALED && reference == null) {
            throw new RuleViolationException("refusal.error.appealReference");
        }
        if ((reference != null && reference.length() > 64) || (outcome != null && outcome.length() > 500)) {
            throw new RuleViolationException("refusal.error.appealLength");
        }
        if (r.disposition() != Disposition.APPEALED && (reference != null || outcome != null)) {
            throw new RuleViolationException("refusal.error.appealOnly");
        }
        return new ReviewRequest(r.disposition(), comment, reference, outcome);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private DeviceHealth health(RefusalRow row) {
        try {
            return live.venue(row.venueId(), null).devices().stream().filter(d -> d.device().id() == row.deviceId())
                    .findFirst().orElse(null);
        } catch (UserFacingException e) {
            return null;
        }
    }

    private String venueCode(long id) {
        return venues.venue(id).map(Venue::code).orElse("#" + id);
    }

    private String gateCode(long id) {
        return venues.gate(id).map(Gate::code).orElse("#" + id);
    }
}
