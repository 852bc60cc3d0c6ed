package org.gateboard.policy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy in force for a venue, and any version by number. Both are asked on the hot path of verdict
 * ingestion, so answers are cached: versions forever (they never change), the version in force per venue
 * for a short while (a new version takes effect within that delay).
 */
@Service
public class PolicyService {

    private static final String COLUMNS = "version, venue_id, baseline_version, fever_threshold_c, admitted_colors,"
            + " photoless_requires_id_check, mask_required, effective_from, reason";
    private static final RowMapper<EffectivePolicy> ROW = (rs, i) -> {
        long venueId = rs.getLong("venue_id");
        Long venue = rs.wasNull() ? null : venueId;
        int baseline = rs.getInt("baseline_version");
        Integer baselineVersion = rs.wasNull() ? null : baseline;
        return new EffectivePolicy(rs.getInt("version"), venue, baselineVersion,
                rs.getTimestamp("effective_from").toInstant(),
                new PolicyParameters(rs.getBigDecimal("fever_threshold_c"),
                        PolicyParameters.parseColors(rs.getString("admitted_colors")),
                        rs.getBoolean("photoless_requires_id_check"), rs.getBoolean("mask_required")),
                rs.getString("reason"));
    };

    private record InForce(EffectivePolicy policy, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration inForceCacheTtl;
    private final Map<Integer, EffectivePolicy> versions = new ConcurrentHashMap<>();
    private final Map<Long, InForce> inForce = new ConcurrentHashMap<>();

    PolicyService(JdbcTemplate jdbc, Clock clock,
                  @Value("${gateboard.policy.cache-ttl:2s}") Duration inForceCacheTtl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.inForceCacheTtl = inForceCacheTtl;
    }

    /**
     * The policy in force now for a venue's gates: the venue's own tightening when it has one based on
     * the baseline in force (and not looser than it), otherwise the city baseline.
     */
    public EffectivePolicy effectiveFor(long venueId) {
        Instant now = clock.instant();
        InForce cached = inForce.get(venueId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.policy();
        }
        EffectivePolicy policy = loadEffective(venueId, now);
        inForce.put(venueId, new InForce(policy, now.plus(inForceCacheTtl)));
        return policy;
    }

    /** Any published version by its number, for re-checking a verdict against the version it names. */
    public Optional<EffectivePolicy> version(int version) {
        EffectivePolicy known = versions.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<EffectivePolicy> loaded = jdbc.query("SELECT " + COLUMNS + " FROM policy_version"
                + " WHERE version = ? AND status = 'PUBLISHED'", ROW, version).stream().findFirst();
        loaded.ifPresent(p -> versions.put(version, p));
        return loaded;
    }

    /** Forgets what is in force (not the immutable versions), e.g. after a new version was published. */
    public void forgetInForce() {
        inForce.clear();
    }

    private EffectivePolicy loadEffective(long venueId, Instant now) {
        Timestamp at = Timestamp.from(now);
        EffectivePolicy baseline = latest("venue_id IS NULL", at)
                .orElseThrow(() -> new IllegalStateException("No baseline policy is in force"));
        return latest("venue_id = " + venueId, at)
                .filter(v -> baseline.version() == v.baselineVersion())
                .filter(v -> v.params().isAtLeastAsStrictAs(baseline.params()))
                .orElse(baseline);
    }

    private Optional<EffectivePolicy> latest(String scope, Timestamp at) {
        List<EffectivePolicy> rows = jdbc.query("SELECT " + COLUMNS + " FROM policy_version WHERE " + scope
                + " AND status = 'PUBLISHED' AND effective_from <= ? ORDER BY effective_from DESC, version DESC"
                + " LIMIT 1", ROW, at);
        rows.forEach(p -> versions.putIfAbsent(p.version(), p));
        return rows.stream().findFirst();
    }
}
