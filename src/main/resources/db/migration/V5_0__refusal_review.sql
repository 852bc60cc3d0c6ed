-- Refusal review: what the review filters need on the verdict table (owned by the verdict feature, which
-- alone queries it), and the refusal feature's own tables for dispositions, looks and retention runs.
--
-- Every search lists refusals newest first in the order (scanned_at, seq), and pages by keyset on that
-- pair. An index whose leading equality columns are followed by scanned_at keeps exactly that order (InnoDB
-- appends the primary key, seq), so a page reads only its own rows however deep it is:
--   a day city-wide, unreviewed only       -> (outcome, scanned_at)
--   one venue (a manager's scope), a week  -> (venue_id, outcome, scanned_at)
--   one gate                               -> (gate_id, outcome, scanned_at)
--   one ID number across the month         -> (id_number_hash, scanned_at): a person's few rows
-- Reasons, role, channel and non-conformance are checked on the rows the range yields: putting them in the
-- index before scanned_at would break the order (and the keyset) for searches that do not name them.
--
-- reasons is a comma-separated list; FIND_IN_SET on every candidate row parses text six times per row.
-- reason_bits holds the same set as a bit mask (CODE_RED 1, CODE_YELLOW 2, NO_CODE 4,
-- PHOTOLESS_WITHOUT_ID 8, NO_MASK 16, FEVER 32), computed by the database on insert so the ingestion
-- path is unchanged; a new reason needs a new migration that redefines it.
ALTER TABLE verdict
    ADD COLUMN reason_bits TINYINT UNSIGNED AS (
        IF(FIND_IN_SET('CODE_RED', reasons), 1, 0) + IF(FIND_IN_SET('CODE_YELLOW', reasons), 2, 0)
        + IF(FIND_IN_SET('NO_CODE', reasons), 4, 0) + IF(FIND_IN_SET('PHOTOLESS_WITHOUT_ID', reasons), 8, 0)
        + IF(FIND_IN_SET('NO_MASK', reasons), 16, 0) + IF(FIND_IN_SET('FEVER', reasons), 32, 0)) STORED,
    ADD KEY ix_verdict_outcome_scanned (outcome, scanned_at),
    ADD KEY ix_verdict_venue_outcome_scanned (venue_id, outcome, scanned_at),
    ADD KEY ix_verdict_gate_outcome_scanned (gate_id, outcome, scanned_at),
    ADD KEY ix_verdict_hash_scanned (id_number_hash, scanned_at),
    DROP KEY ix_verdict_id_number_hash;

-- The current disposition of each reviewed refusal (one row per verdict, replaced by each new review),
-- with the verdict's time and venue copied so that "upheld only" and the work queue read this table alone.
-- An unreviewed refusal has no row: reviews are few next to refusals, so "unreviewed only" walks the
-- verdict index and skips the reviewed ones (see RefusalSearch).
CREATE TABLE refusal_review_state (
    verdict_seq  BIGINT      NOT NULL,
    verdict_id   BINARY(16)  NOT NULL,
    venue_id     BIGINT      NOT NULL,
    scanned_at   DATETIME(3) NOT NULL,
    disposition  VARCHAR(16) NOT NULL,
    review_id    BIGINT      NOT NULL,
    PRIMARY KEY (verdict_seq),
    KEY ix_review_state_disposition (disposition, scanned_at),
    KEY ix_review_state_venue (venue_id, scanned_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every disposition ever recorded: a later one never erases an earlier one.
CREATE TABLE refusal_review (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    verdict_seq       BIGINT        NOT NULL,
    verdict_id        BINARY(16)    NOT NULL,
    disposition       VARCHAR(16)   NOT NULL,
    comment           VARCHAR(2000) NOT NULL,
    appeal_reference  VARCHAR(64)   NULL,
    appeal_outcome    VARCHAR(500)  NULL,
    reviewed_by       VARCHAR(64)   NOT NULL,
    reviewed_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_refusal_review_verdict (verdict_seq, id),
    CONSTRAINT ck_refusal_review_disposition CHECK (disposition IN ('UPHELD', 'OVERTURNED', 'APPEALED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who looked at personal data: each opened detail (verdict_seq) and each export or search by ID number
-- (id_number_hash). Answers "who looked at this person" while the person is still identifiable; the
-- retention job removes the hash with the verdict's own. The audit trail holds the same looks for good.
CREATE TABLE refusal_look (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    looked_at       DATETIME(3)  NOT NULL,
    actor           VARCHAR(64)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    verdict_seq     BIGINT       NULL,
    id_number_hash  BINARY(32)   NULL,
    row_count       BIGINT       NULL,
    PRIMARY KEY (id),
    KEY ix_refusal_look_verdict (verdict_seq),
    KEY ix_refusal_look_hash (id_number_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per run of the retention job, for the admin view.
CREATE TABLE retention_run (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    started_at       DATETIME(3) NOT NULL,
    finished_at      DATETIME(3) NULL,
    cutoff           DATETIME(3) NOT NULL,
    verdicts_purged  BIGINT      NOT NULL DEFAULT 0,
    looks_purged     BIGINT      NOT NULL DEFAULT 0,
    triggered_by     VARCHAR(64) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
