package org.gateboard.poster;

import jakarta.annotation.security.RolesAllowed;
import org.gateboard.audit.AuditService;
import org.gateboard.base.ConflictException;
import org.gateboard.base.Role;
import org.gateboard.base.UnknownRecordException;
import org.gateboard.venue.Venue;
import org.gateboard.verdict.Channel;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Channels and templates (admins), venue posters as drafts and published versions (their managers and admins),
 * history and the outdated list. Officials may read. Every change is audited in its own transaction; a change
 * of a channel or template republishes, in the same transaction, every venue poster whose latest version uses it.
 */
@Service
public class PosterService {

    private final PosterStore store;
    private final VenueScope scope;
    private final AuditService audit;
    private final OutdatedVenues outdated;
    private final PosterContents contents;
    private final Clock clock;

    PosterService(PosterStore store, VenueScope scope, AuditService audit, OutdatedVenues outdated,
                  PosterContents contents, Clock clock) {
        this.store = store;
        this.scope = scope;
        this.audit = audit;
        this.outdated = outdated;
        this.contents = contents;
        this.clock = clock;
    }

    // ---- channels and templates ---------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public List<ChannelDefinition> channels() {
        return store.channels();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public List<PosterTemplate> templates() {
        return store.templates();
    }

    /** Changes a channel and republishes the posters that show it; answers how many were republished. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public int updateChannel(ChannelDefinition change, String reason) {
        ChannelDefinition c = PosterRules.channel(change);
        String why = PosterRules.reason(reason);
        ChannelDefinition before = store.channelForUpdate(c.channel())
                .orElseThrow(() -> new UnknownRecordException("poster.error.channel"));
        if (before.equals(c)) {
            return 0;
        }
        store.updateChannel(c, now(), actor());
        audit.record("poster_channel", c.channel().name(), "update", before, Map.of("channel", c, "reason", why));
        return republish(c.channel(), part -> new PosterContent.Part(c, part.template()), why);
    }

    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public int updateTemplate(PosterTemplate change, String reason) {
        PosterTemplate t = PosterRules.template(change);
        String why = PosterRules.reason(reason);
        PosterTemplate before = store.templateForUpdate(t.channel())
                .orElseThrow(() -> new UnknownRecordException("poster.error.channel"));
        if (before.equals(t)) {
            return 0;
        }
        store.updateTemplate(t, now(), actor());
        audit.record("poster_template", t.channel().name(), "update", before, Map.of("template", t, "reason", why));
        return republish(t.channel(), part -> new PosterContent.Part(part.channel(), t), why);
    }

    private int republish(Channel channel, UnaryOperator<PosterContent.Part> replace, String reason) {
        int n = 0;
        for (PosterStore.StoredVersion latest : store.latestOfEveryVenue()) {
            PosterContent content = contents.parse(latest.json());
            if (!content.channels().contains(channel)) {
                continue;
            }
            List<PosterContent.Part> parts = content.parts().stream()
                    .map(p -> p.channel().channel() == channel ? replace.apply(p) : p).toList();
            PosterContent next = new PosterContent(content.venueCode(), content.venueNameZh(), content.venueNameEn(),
                    content.controlPointZh(), content.controlPointEn(), content.locationZh(), content.locationEn(),
                    content.notesZh(), content.notesEn(), content.paperSize(), content.language(), parts);
            if (insertVersion(latest.venueId(), next, reason).isPresent()) {
                n++;
            }
        }
        return n;
    }

    // ---- venue posters ------------------------------------------------------------------------------

    /** The venue, when the signed-in person may see it; empty for another's venue as for an unknown one. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public Optional<Venue> visibleVenue(long venueId) {
        return scope.visible(venueId);
    }

    /** The venues the person may see, each with its published and printed versions. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public List<PosterStatus> statuses() {
        Map<Long, Integer> published = store.publishedVersions();
        Map<Long, Integer> printed = store.printedVersions();
        return scope.visibleVenues().stream().map(v -> new PosterStatus(v.id(), v.code(), v.nameZh(), v.nameEn(),
                published.get(v.id()), printed.get(v.id()))).toList();
    }

    /** Venues whose printed poster is behind the published one. */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional(readOnly = true)
    public List<OutdatedPoster> outdated() {
        return statuses().stream().filter(PosterStatus::outdated)
                .sorted(Comparator.comparing(PosterStatus::venueCode))
                .map(s -> new OutdatedPoster(s.venueCode(), s.publishedVersion(), s.printedVersion())).toList();
    }

    /**
     * Ids of the venues showing an outdated poster, for the live dashboard's badge. Ids only and no role check:
     * the dashboard already scopes which venues a person sees. Kept briefly in memory (see {@link OutdatedVenues}).
     */
    public Set<Long> outdatedVenueIds() {
        return outdated.ids();
    }

    /** The venue's draft; a venue that has none starts from its templates and the required channels. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public PosterDraft draft(long venueId) {
        Venue venue = scope.require(venueId);
        return store.draft(venueId).orElseGet(() -> initialDraft(venue));
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Transactional
    public PosterDraft saveDraft(PosterDraft change) {
        scope.require(change.venueId());
        Set<Channel> required = store.channels().stream().filter(ChannelDefinition::required)
                .map(ChannelDefinition::channel).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        PosterDraft d = PosterRules.draft(change, required);
        Optional<PosterDraft> before = store.draft(d.venueId());
        if (!store.saveDraft(d, now(), actor())) {
            throw new ConflictException("poster.error.changedMeanwhile");
        }
        PosterDraft saved = store.draft(d.venueId()).orElseThrow();
        audit.record("venue_poster", d.venueId(), "draft", before.orElse(null), saved);
        return saved;
    }

    /** Publishes the saved draft as the next version; refused when it prints the same as the latest version. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER})
    @Transactional
    public PosterVersion publish(long venueId, String reason) {
        Venue venue = scope.require(venueId);
        String why = PosterRules.reason(reason);
        PosterDraft draft = store.draft(venueId).orElseGet(() -> initialDraft(venue));
        return insertVersion(venueId, compose(venue, draft), why)
                .orElseThrow(() -> new ConflictException("poster.error.unchanged"));
    }

    /** What the draft would print if published now (for the preview). */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public PosterContent draftContent(PosterDraft draft) {
        Venue venue = scope.require(draft.venueId());
        return compose(venue, draft);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public Optional<PosterVersion> published(long venueId) {
        scope.require(venueId);
        return store.latest(venueId).map(v -> toVersion(v, null));
    }

    /** Every published version, newest first, each with what changed from the one before. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.MANAGER, Role.Names.OFFICIAL})
    @Transactional(readOnly = true)
    public List<PosterVersion> history(long venueId) {
        scope.require(venueId);
        List<PosterStore.StoredVersion> all = store.versions(venueId);
        List<PosterVersion> out = new java.util.ArrayList<>();
        PosterContent previous = null;
        for (PosterStore.StoredVersion v : all) {
            PosterVersion version = toVersion(v, previous);
            previous = version.content();
            out.add(0, version);
        }
        return out;
    }

    /** A new version unless the content is the latest one's: numbered, hashed, audited. */
    Optional<PosterVersion> insertVersion(long venueId, PosterContent content, String reason) {
        Optional<PosterStore.StoredVersion> latest = store.latestForUpdate(venueId);
        String json = contents.json(content);
        String hash = PosterContents.hash(json);
        if (latest.isPresent() && latest.get().hash().equals(hash)) {
            return Optional.empty();
        }
        int number = latest.map(v -> v.version() + 1).orElse(1);
        Instant at = now();
        String by = actor();
        store.insertVersion(venueId, number, json, hash, content.parts().size(), at, by, reason);
        audit.record("poster_version", venueId + "/" + number, "publish",
                latest.map(v -> Map.of("version", v.version(), "hash", v.hash())).orElse(null),
                Map.of("version", number, "hash", hash, "reason", reason));
        outdated.changed();
        PosterStore.StoredVersion stored = new PosterStore.StoredVersion(venueId, number, json, hash, at, by, reason);
        return Optional.of(toVersion(stored, latest.map(v -> contents.parse(v.json())).orElse(null)));
    }

    PosterContent compose(Venue venue, PosterDraft d) {
        Map<Channel, PosterTemplate> templates = store.templates().stream()
                .collect(Collectors.toMap(PosterTemplate::channel, t -> t));
        List<PosterContent.Part> parts = store.channels().stream().filter(c -> d.channels().contains(c.channel()))
                .map(c -> new PosterContent.Part(c, templates.get(c.channel()))).toList();
        return new PosterContent(venue.code(), venue.nameZh(), venue.nameEn(), d.controlPointZh(), d.controlPointEn(),
                d.locationZh(), d.locationEn(), d.notesZh(), d.notesEn(), d.paperSize(), d.language(), parts);
    }

    private PosterDraft initialDraft(Venue venue) {
        List<ChannelDefinition> channels = store.channels();
        PosterTemplate first = store.templates().get(0);
        Set<Channel> required = channels.stream().filter(ChannelDefinition::required).map(ChannelDefinition::channel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        return new PosterDraft(venue.id(), "入口管控处", "Entrance control point",
                venue.address() == null ? "" : venue.address(), "", "", "", required, first.paperSize(),
                first.language(), 0);
    }

    private PosterVersion toVersion(PosterStore.StoredVersion v, PosterContent previous) {
        PosterContent content = contents.parse(v.json());
        List<String> changes = previous == null ? List.of() : contents.changes(previous, content);
        return new PosterVersion(v.venueId(), v.version(), v.hash(), v.publishedAt(), v.publishedBy(), v.reason(),
                content, changes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
