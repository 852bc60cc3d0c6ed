package org.gateboard.poster;

import org.gateboard.base.pdf.PaperSize;
import org.gateboard.verdict.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The poster tables, and nothing else: SQL in one place. */
@Component
class PosterStore {

    /** A stored version: the content as JSON, hashed; parsed by the caller. */
    record StoredVersion(long venueId, int version, String json, String hash, Instant publishedAt, String publishedBy,
                         String reason) {
    }

    private static final RowMapper<ChannelDefinition> CHANNEL = (rs, i) -> new ChannelDefinition(
            Channel.valueOf(rs.getString("channel")), rs.getString("name_zh"), rs.getString("name_en"),
            rs.getString("payload"), rs.getString("instructions_zh"), rs.getString("instructions_en"),
            rs.getBoolean("required"));
    private static final RowMapper<PosterTemplate> TEMPLATE = (rs, i) -> new PosterTemplate(
            Channel.valueOf(rs.getString("channel")), rs.getString("title_zh"), rs.getString("title_en"),
            rs.getString("instructions_zh"), rs.getString("instructions_en"), rs.getString("footer_zh"),
            rs.getString("footer_en"), rs.getString("appeal_zh"), rs.getString("appeal_en"),
            PaperSize.valueOf(rs.getString("paper_size")), PosterLanguage.valueOf(rs.getString("language")));
    private static final RowMapper<PosterDraft> DRAFT = (rs, i) -> new PosterDraft(rs.getLong("venue_id"),
            rs.getString("control_point_zh"), rs.getString("control_point_en"), rs.getString("location_zh"),
            rs.getString("location_en"), rs.getString("notes_zh"), rs.getString("notes_en"),
            channels(rs.getString("channels")), PaperSize.valueOf(rs.getString("paper_size")),
            PosterLanguage.valueOf(rs.getString("language")), rs.getInt("version"));
    private static final RowMapper<StoredVersion> VERSION = (rs, i) -> new StoredVersion(rs.getLong("venue_id"),
            rs.getInt("version"), rs.getString("content_json"), rs.getString("content_hash"),
            rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"), rs.getString("reason"));

    private final JdbcTemplate jdbc;

    PosterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ChannelDefinition> channels() {
        return jdbc.query("SELECT * FROM poster_channel ORDER BY sort_order", CHANNEL);
    }

    Optional<ChannelDefinition> channelForUpdate(Channel channel) {
        return jdbc.query("SELECT * FROM poster_channel WHERE channel = ? FOR UPDATE", CHANNEL, channel.name())
                .stream().findFirst();
    }

    void updateChannel(ChannelDefinition c, Instant at, String by) {
        jdbc.update("UPDATE poster_channel SET name_zh = ?, name_en = ?, payload = ?, instructions_zh = ?,"
                        + " instructions_en = ?, required = ?, version = version + 1, updated_at = ?, updated_by = ?"
                        + " WHERE channel = ?", c.nameZh(), c.nameEn(), c.payload(), c.instructionsZh(),
                c.instructionsEn(), c.required(), Timestamp.from(at), by, c.channel().name());
    }

    List<PosterTemplate> templates() {
        return jdbc.query("SELECT t.* FROM poster_template t JOIN poster_channel c ON c.channel = t.channel"
                + " ORDER BY c.sort_order", TEMPLATE);
    }

    Optional<PosterTemplate> templateForUpdate(Channel channel) {
        return jdbc.query("SELECT * FROM poster_template WHERE channel = ? FOR UPDATE", TEMPLATE, channel.name())
                .stream().findFirst();
    }

    void updateTemplate(PosterTemplate t, Instant at, String by) {
        jdbc.update("UPDATE poster_template SET title_zh = ?, title_en = ?, instructions_zh = ?, instructions_en = ?,"
                        + " footer_zh = ?, footer_en = ?, appeal_zh = ?, appeal_en = ?, paper_size = ?, language = ?,"
                        + " version = version + 1, updated_at = ?, updated_by = ? WHERE channel = ?",
                t.titleZh(), t.titleEn(), t.instructionsZh(), t.instructionsEn(), t.footerZh(), t.footerEn(),
                t.appealZh(), t.appealEn(), t.paperSize().name(), t.language().name(), Timestamp.from(at), by,
                t.channel().name());
    }

    Optional<PosterDraft> draft(long venueId) {
        return jdbc.query("SELECT * FROM venue_poster WHERE venue_id = ?", DRAFT, venueId).stream().findFirst();
    }

    /** Inserts the first draft or updates the one of {@code expectedVersion}; false when someone saved meanwhile. */
    boolean saveDraft(PosterDraft d, Instant at, String by) {
        Object[] fields = {d.controlPointZh(), d.controlPointEn(), d.locationZh(), d.locationEn(), d.notesZh(),
                d.notesEn(), joinChannels(d.channels()), d.paperSize().name(), d.language().name(),
                Timestamp.from(at), by, d.venueId()};
        if (d.version() == 0) {
            return jdbc.update("INSERT IGNORE INTO venue_poster (control_point_zh, control_point_en, location_zh,"
                    + " location_en, notes_zh, notes_en, channels, paper_size, language, updated_at, updated_by,"
                    + " venue_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", fields) == 1;
        }
        Object[] withVersion = Arrays.copyOf(fields, fields.length + 1);
        withVersion[fields.length] = d.version();
        return jdbc.update("UPDATE venue_poster SET control_point_zh = ?, control_point_en = ?, location_zh = ?,"
                + " location_en = ?, notes_zh = ?, notes_en = ?, channels = ?, paper_size = ?, language = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE venue_id = ? AND version = ?",
                withVersion) == 1;
    }

    /** Latest published version of a venue, locked so two publications never take the same number. */
    Optional<StoredVersion> latestForUpdate(long venueId) {
        return jdbc.query("SELECT * FROM poster_version WHERE venue_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE",
                VERSION, venueId).stream().findFirst();
    }

    Optional<StoredVersion> latest(long venueId) {
        return jdbc.query("SELECT * FROM poster_version WHERE venue_id = ? ORDER BY version DESC LIMIT 1",
                VERSION, venueId).stream().findFirst();
    }

    Optional<StoredVersion> version(long venueId, int version) {
        return jdbc.query("SELECT * FROM poster_version WHERE venue_id = ? AND version = ?", VERSION, venueId,
                version).stream().findFirst();
    }

    List<StoredVersion> versions(long venueId) {
        return jdbc.query("SELECT * FROM poster_version WHERE venue_id = ? ORDER BY version", VERSION, venueId);
    }

    /** The latest version of every venue that has one. */
    List<StoredVersion> latestOfEveryVenue() {
        return jdbc.query("SELECT v.* FROM poster_version v JOIN (SELECT venue_id, MAX(version) AS version"
                + " FROM poster_version GROUP BY venue_id) m ON m.venue_id = v.venue_id AND m.version = v.version"
                + " ORDER BY v.venue_id", VERSION);
    }

    void insertVersion(long venueId, int version, String json, String hash, int channelCount, Instant at, String by,
                       String reason) {
        jdbc.update("INSERT INTO poster_version (venue_id, version, content_json, content_hash, channel_count,"
                        + " published_at, published_by, reason) VALUES (?,?,?,?,?,?,?,?)", venueId, version, json,
                hash, channelCount, Timestamp.from(at), by, reason);
    }

    /** venue id → latest published version. */
    Map<Long, Integer> publishedVersions() {
        Map<Long, Integer> m = new HashMap<>();
        jdbc.query("SELECT venue_id, MAX(version) FROM poster_version GROUP BY venue_id",
                rs -> {
                    m.put(rs.getLong(1), rs.getInt(2));
                });
        return m;
    }

    /** venue id → latest version of which every channel has been printed (in one print or in several). */
    Map<Long, Integer> printedVersions() {
        Map<Long, Integer> m = new HashMap<>();
        jdbc.query("SELECT venue_id, MAX(version) FROM (SELECT i.venue_id, i.version FROM poster_print_item i"
                + " JOIN poster_version v ON v.venue_id = i.venue_id AND v.version = i.version"
                + " GROUP BY i.venue_id, i.version, v.channel_count"
                + " HAVING COUNT(DISTINCT i.channel) >= v.channel_count) full_prints GROUP BY venue_id", rs -> {
            m.put(rs.getLong(1), rs.getInt(2));
        });
        return m;
    }

    /** Logs a print; items are (venue id, version, channel). */
    long insertPrint(String kind, PaperSize size, Instant at, String by, Collection<PrintItem> items) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO poster_print (printed_at, printed_by, kind,"
                    + " paper_size) VALUES (?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, by);
            ps.setString(3, kind);
            ps.setString(4, size.name());
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.batchUpdate("INSERT INTO poster_print_item (print_id, venue_id, version, channel) VALUES (?,?,?,?)",
                items.stream().map(i -> new Object[]{id, i.venueId(), i.version(), i.channel().name()}).toList());
        return id;
    }

    record PrintItem(long venueId, int version, Channel channel) {
    }

    static Set<Channel> channels(String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.noneOf(Channel.class);
        }
        return Arrays.stream(csv.split(",")).map(String::trim).map(Channel::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }

    static String joinChannels(Set<Channel> channels) {
        return channels.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
