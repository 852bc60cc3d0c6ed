package org.gateboard.refusal;

import jakarta.annotation.security.RolesAllowed;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gateboard.audit.AuditService;
import org.gateboard.base.ConflictException;
import org.gateboard.base.Role;
import org.gateboard.refusal.internal.ReviewStore;
import org.gateboard.verdict.PersonalDataPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Removes personal fields (name, masked ID number, keyed hash) once the retention period has passed: from the
 * verdicts (through the verdict feature, which owns that table) and from the log of looks. Counts, reasons,
 * dispositions and the audit trail stay. Works in small batches, each its own short transaction, so gates keep
 * posting; idempotent, so a run that stopped half-way is finished by the next. Runs nightly and on demand.
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    /** Verdicts with an old scan time may still arrive from a device's backlog after a run: look back this far. */
    private static final Duration LOOK_BACK = Duration.ofDays(7);

    private final PersonalDataPurge purge;
    private final ReviewStore reviews;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final Duration period;
    private final int batchSize;
    private final Duration pause;
    private final ReentrantLock running = new ReentrantLock();
    private final LockProvider locks;

    RetentionService(PersonalDataPurge purge, ReviewStore reviews, JdbcTemplate jdbc, AuditService audit, Clock clock,
                     LockProvider locks,
                     @Value("${gateboard.retention.period:28d}") Duration period,
                     @Value("${gateboard.retention.batch-size:500}") int batchSize,
                     @Value("${gateboard.retention.pause:20ms}") Duration pause) {
        this.purge = purge;
        this.locks = locks;
        this.reviews = reviews;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.period = period;
        this.batchSize = batchSize;
        this.pause = pause;
    }

    public Duration period() {
        return period;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Every node schedules it; the first to take the lock runs it, the others skip that night. The lock is held
     * for at least 10 minutes, so a node whose clock is a little behind does not start a second run, and
     * expires after 20 hours if its node died mid-run (the next night's run finishes the work).
     */
    @Scheduled(cron = "${gateboard.retention.cron:0 30 3 * * *}", zone = "${gateboard.zone:Asia/Shanghai}")
    @SchedulerLock(name = "retention", lockAtLeastFor = "PT10M", lockAtMostFor = "PT20H")
    void nightly() {
        runNow("system");
    }

    /**
     * Runs the job now (admins), under the same cluster lock as the nightly run; answers what it did, or, when
     * a run holds the lock on any node (or the night's run finished less than 10 minutes ago), the latest run.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public RetentionRun run() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "retention",
                Duration.ofHours(20), Duration.ZERO));
        if (lock.isEmpty()) {
            return runs(1).stream().findFirst()
                    .orElseThrow(() -> new ConflictException("refusal.retention.error.running"));
        }
        try {
            return runNow(auth == null ? "system" : auth.getName());
        } finally {
            lock.get().unlock();
        }
    }

    /** The latest runs, newest first. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<RetentionRun> runs(int limit) {
        return jdbc.query("SELECT id, started_at, finished_at, cutoff, verdicts_purged, looks_purged, triggered_by"
                + " FROM retention_run ORDER BY id DESC LIMIT ?", (rs, i) -> new RetentionRun(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6), rs.getString(7)), limit);
    }

    RetentionRun runNow(String by) {
        if (!running.tryLock()) {
            return runs(1).get(0);
        }
        try {
            Instant started = clock.instant();
            Instant cutoff = started.minus(period);
            // a finished run purged everything before its cutoff, except what arrived late from a backlog
            Optional<Instant> previous = jdbc.query("SELECT cutoff FROM retention_run WHERE finished_at IS NOT NULL"
                    + " ORDER BY id DESC LIMIT 1", (rs, i) -> rs.getTimestamp(1).toInstant()).stream().findFirst();
            Instant notBefore = previous.map(p -> p.minus(LOOK_BACK)).orElse(null);
            // the generated key from the insert's own statement: a separate SELECT LAST_INSERT_ID() may run on
            // another pooled connection (no transaction holds this one) and read that connection's id
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement("INSERT INTO retention_run (started_at, cutoff, triggered_by)"
                        + " VALUES (?,?,?)", Statement.RETURN_GENERATED_KEYS);
                ps.setTimestamp(1, Timestamp.from(started));
                ps.setTimestamp(2, Timestamp.from(cutoff));
                ps.setString(3, by);
                return ps;
            }, key);
            long id = key.getKey().longValue();
            long verdicts = purge.purge(notBefore, cutoff, batchSize, total -> {
                jdbc.update("UPDATE retention_run SET verdicts_purged = ? WHERE id = ?", total, id);
                pause();
            });
            long looks = 0;
            int n;
            while ((n = reviews.purgeLookHashes(cutoff, batchSize)) > 0) {
                looks += n;
                pause();
            }
            Instant finished = clock.instant();
            jdbc.update("UPDATE retention_run SET finished_at = ?, verdicts_purged = ?, looks_purged = ? WHERE id = ?",
                    Timestamp.from(finished), verdicts, looks, id);
            audit.recordAs(by, "retention", id, "retention.ran", null,
                    Map.of("cutoff", cutoff.toString(), "verdictsPurged", verdicts, "looksPurged", looks));
            log.info("Retention run {}: removed the personal fields of {} verdicts and the ID hash of {} looks"
                    + " scanned before {} (period {})", id, verdicts, looks, cutoff, period);
            return new RetentionRun(id, started, finished, cutoff, verdicts, looks, by);
        } finally {
            running.unlock();
        }
    }

    private void pause() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Retention run interrupted", e);
        }
    }
}
