package org.gateboard.verdict;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Removes the personal fields of old verdicts (name, masked ID number, keyed hash) and keeps everything the
 * counts, reasons and reviews rely on. The retention job of the refusal feature calls it; the SQL is here
 * because this feature owns the table.
 */
@Service
public class PersonalDataPurge {

    private final JdbcTemplate jdbc;

    PersonalDataPurge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Purges verdicts scanned in [notBefore, before) that still hold a personal field, {@code batchSize} at a
     * time. Each batch is its own short statement (autocommit) that locks only the rows it changes, so gates
     * keep posting; {@code afterBatch} hears the running total after each (to pause, to report progress).
     * Walks each outcome's range of ix_verdict_outcome_scanned once, in order, so a large first run does not
     * re-read what it already purged. Running it again changes nothing more. Answers how many it changed.
     *
     * @param notBefore null: from the beginning
     */
    public long purge(Instant notBefore, Instant before, int batchSize, LongConsumer afterBatch) {
        long total = 0;
        for (Outcome outcome : Outcome.values()) {
            Timestamp from = Timestamp.from(notBefore == null ? Instant.EPOCH : notBefore);
            long afterSeq = -1;
            while (true) {
                List<long[]> batch = jdbc.query("SELECT seq, scanned_at FROM verdict WHERE outcome = ?"
                                + " AND (scanned_at > ? OR (scanned_at = ? AND seq > ?)) AND scanned_at < ?"
                                + " AND (person_name IS NOT NULL OR id_number_masked IS NOT NULL"
                                + " OR id_number_hash IS NOT NULL) ORDER BY scanned_at, seq LIMIT ?",
                        (rs, i) -> new long[]{rs.getLong(1), rs.getTimestamp(2).getTime()},
                        outcome.name(), from, from, afterSeq, Timestamp.from(before), batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                long[] last = batch.get(batch.size() - 1);
                from = new Timestamp(last[1]);
                afterSeq = last[0];
                total += jdbc.update("UPDATE verdict SET person_name = NULL, id_number_masked = NULL,"
                                + " id_number_hash = NULL WHERE seq IN (" + String.join(",",
                                Collections.nCopies(batch.size(), "?")) + ")",
                        batch.stream().map(b -> (Object) b[0]).toArray());
                afterBatch.accept(total);
                if (batch.size() < batchSize) {
                    break;
                }
            }
        }
        return total;
    }
}
