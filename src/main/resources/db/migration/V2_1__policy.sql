-- Versioned policy parameters. Every row is one immutable version; a change is a new row.
-- venue_id NULL: the city baseline set by officials. Otherwise: a venue's tightening, holding the
-- complete parameters that venue applies (never looser than the baseline it names in
-- baseline_version), so that one version number always names exactly what a gate applies.
-- A later change of the baseline re-derives the tightened venues as new rows with the same
-- effective_from, so a venue row always names the baseline it was merged with.
CREATE TABLE policy_version (
    version                     INT          NOT NULL,
    venue_id                    BIGINT       NULL,
    baseline_version            INT          NULL,
    fever_threshold_c           DECIMAL(3, 1) NOT NULL,
    -- comma-separated code colours that may enter, e.g. 'GREEN'
    admitted_colors             VARCHAR(32)  NOT NULL,
    photoless_requires_id_check BOOLEAN      NOT NULL,
    mask_required               BOOLEAN      NOT NULL,
    effective_from              DATETIME(3)  NOT NULL,
    reason                      VARCHAR(500) NOT NULL,
    created_at                  DATETIME(3)  NOT NULL,
    created_by                  VARCHAR(64)  NOT NULL,
    -- DRAFT rows are for "what if" comparisons and are never in force
    status                      VARCHAR(16)  NOT NULL DEFAULT 'PUBLISHED',
    PRIMARY KEY (version),
    KEY ix_policy_scope_effective (venue_id, status, effective_from),
    CONSTRAINT fk_policy_venue FOREIGN KEY (venue_id) REFERENCES venue (id),
    CONSTRAINT fk_policy_baseline FOREIGN KEY (baseline_version) REFERENCES policy_version (version),
    CONSTRAINT ck_policy_threshold CHECK (fever_threshold_c BETWEEN 35.0 AND 40.0),
    CONSTRAINT ck_policy_baseline CHECK ((venue_id IS NULL) = (baseline_version IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The notice of 2020-02-23: green enters; a photo-less code needs an ID check; masks; fever at 37.3 °C.
INSERT INTO policy_version (version, venue_id, baseline_version, fever_threshold_c, admitted_colors,
                            photoless_requires_id_check, mask_required, effective_from, reason, created_at,
                            created_by)
VALUES (1, NULL, NULL, 37.3, 'GREEN', TRUE, TRUE, '2020-02-22 16:00:00.000',
        '关于在本市建设工程招标投标交易场所使用“随申码”的通知 (2020-02-23)', '2020-02-22 16:00:00.000', 'system');
