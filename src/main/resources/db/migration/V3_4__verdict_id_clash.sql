-- Verdict ids a device sent that another device had already stored (the idempotency key is global).
-- The item was rejected; this is the officials' record of it. One row per id and sending device.
CREATE TABLE verdict_id_clash (
    verdict_id        BINARY(16)  NOT NULL,
    device_id         BIGINT      NOT NULL,
    venue_id          BIGINT      NOT NULL,
    gate_id           BIGINT      NOT NULL,
    -- the device whose stored verdict holds the id
    stored_device_id  BIGINT      NOT NULL,
    first_seen_at     DATETIME(3) NOT NULL,
    last_seen_at      DATETIME(3) NOT NULL,
    attempts          INT         NOT NULL DEFAULT 1,
    PRIMARY KEY (verdict_id, device_id),
    KEY ix_verdict_id_clash_seen (last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
