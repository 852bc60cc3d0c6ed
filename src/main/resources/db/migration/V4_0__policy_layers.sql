-- Policy layers: the city baseline and each venue's own parameters are changed by requests
-- (policy_change), which publish immutable effective versions (policy_version).
--
-- Parameters move into one JSON object named as on the device API ({"feverThresholdC": 37.3,
-- "admittedColors": ["GREEN"], "photolessRequiresIdCheck": true, "maskRequired": true}), so a new
-- parameter is a new key (with a default for older rows in the Java record), not a new column.
ALTER TABLE policy_version
    ADD COLUMN parameters JSON NULL AFTER baseline_version,
    -- for a venue's effective version: the venue change (its own parameters) merged with the baseline
    ADD COLUMN venue_change_id BIGINT NULL AFTER baseline_version;

UPDATE policy_version
SET parameters = JSON_OBJECT(
        'feverThresholdC', fever_threshold_c,
        'admittedColors', JSON_EXTRACT(CONCAT('["', REPLACE(admitted_colors, ',', '","'), '"]'), '$'),
        'photolessRequiresIdCheck', IF(photoless_requires_id_check, JSON_EXTRACT('true', '$'), JSON_EXTRACT('false', '$')),
        'maskRequired', IF(mask_required, JSON_EXTRACT('true', '$'), JSON_EXTRACT('false', '$')));

ALTER TABLE policy_version
    MODIFY parameters JSON NOT NULL,
    DROP CONSTRAINT ck_policy_threshold,
    DROP COLUMN fever_threshold_c,
    DROP COLUMN admitted_colors,
    DROP COLUMN photoless_requires_id_check,
    DROP COLUMN mask_required,
    -- one effective version per (venue, baseline, venue change): derived once, then only read
    ADD UNIQUE KEY uk_policy_derived (venue_id, baseline_version, venue_change_id);

-- A request to change one layer. PENDING: a baseline loosening waiting for a second official;
-- PUBLISHED: in force from effective_from (scheduled while that is ahead); CANCELLED: withdrawn before
-- it started (or never approved). venue_id NULL: the baseline.
CREATE TABLE policy_change (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    venue_id          BIGINT       NULL,
    parameters        JSON         NOT NULL,
    effective_from    DATETIME(3)  NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    -- the baseline parameters this change loosens (why it waited for approval), comma-separated
    loosens           VARCHAR(255) NULL,
    -- for a roll back: the version whose parameters it restores
    restores_version  INT          NULL,
    created_by        VARCHAR(64)  NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    approved_by       VARCHAR(64)  NULL,
    approved_at       DATETIME(3)  NULL,
    cancelled_by      VARCHAR(64)  NULL,
    cancelled_at      DATETIME(3)  NULL,
    -- for a published baseline change: the baseline version it made
    version           INT          NULL,
    PRIMARY KEY (id),
    KEY ix_policy_change_scope (venue_id, status, effective_from),
    CONSTRAINT fk_policy_change_venue FOREIGN KEY (venue_id) REFERENCES venue (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The baseline of the notice is the first published baseline change.
INSERT INTO policy_change (venue_id, parameters, effective_from, reason, status, created_by, created_at, version)
SELECT NULL, parameters, effective_from, reason, status, created_by, created_at, version
FROM policy_version WHERE venue_id IS NULL ORDER BY version;

-- Version numbers are handed out under this row's lock, so two nodes never give out the same one.
CREATE TABLE policy_version_counter (
    id           TINYINT NOT NULL,
    next_version INT     NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
INSERT INTO policy_version_counter (id, next_version) SELECT 1, COALESCE(MAX(version), 0) + 1 FROM policy_version;
