-- Verdicts pushed by gate devices, and what each device last reported.
-- Sized for tens of millions of rows: a sequential clustered key keeps inserts append-only; the
-- device's UUID is a unique secondary key (the idempotency key).

CREATE TABLE verdict (
    seq               BIGINT       NOT NULL AUTO_INCREMENT,
    id                BINARY(16)   NOT NULL,
    venue_id          BIGINT       NOT NULL,
    gate_id           BIGINT       NOT NULL,
    device_id         BIGINT       NOT NULL,
    scanned_at        DATETIME(3)  NOT NULL,
    received_at       DATETIME(3)  NOT NULL,
    outcome           VARCHAR(8)   NOT NULL,
    -- comma-separated refusal reasons, empty when admitted
    reasons           VARCHAR(160) NOT NULL DEFAULT '',
    code_color        VARCHAR(8)   NULL,
    channel           VARCHAR(16)  NULL,
    photo_on_code     BOOLEAN      NULL,
    id_checked        BOOLEAN      NULL,
    mask_worn         BOOLEAN      NOT NULL,
    temperature_c     DECIMAL(4, 1) NOT NULL,
    person_role       VARCHAR(16)  NOT NULL,
    -- personal fields: purged after the retention period (the rest stays for the counts)
    person_name       VARCHAR(64)  NULL,
    id_number_masked  VARCHAR(18)  NULL,
    id_number_hash    BINARY(32)   NULL,
    check_ms          INT          NULL,
    policy_version    INT          NOT NULL,
    non_conforming    BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the policy rules the verdict broke, comma-separated
    non_conformance   VARCHAR(255) NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY uk_verdict_id (id),
    KEY ix_verdict_venue_scanned (venue_id, scanned_at),
    KEY ix_verdict_gate_scanned (gate_id, scanned_at),
    KEY ix_verdict_id_number_hash (id_number_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE device_contact (
    device_id        BIGINT      NOT NULL,
    last_contact_at  DATETIME(3) NOT NULL,
    last_heartbeat_at DATETIME(3) NULL,
    backlog          INT         NULL,
    clock_skew_ms    BIGINT      NULL,
    policy_version   INT         NULL,
    PRIMARY KEY (device_id),
    CONSTRAINT fk_device_contact_device FOREIGN KEY (device_id) REFERENCES device (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
