-- Failed sign-ins, kept only for the sliding window the throttle counts in (see docs/architecture.md).
-- username is the name as typed, known or not: unknown names are counted exactly like known ones.
CREATE TABLE login_failure (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at     DATETIME(3)  NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_login_failure_user (username, occurred_at),
    KEY ix_login_failure_address (client_address, occurred_at),
    KEY ix_login_failure_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The lock on the account row is replaced by the throttle above.
ALTER TABLE app_user
    DROP COLUMN failed_logins,
    DROP COLUMN locked_until,
    ADD COLUMN wall_screen BOOLEAN NOT NULL DEFAULT FALSE;

-- Read-only tokens for machines reading the stats API (big screens); only the SHA-256 of a token is kept.
CREATE TABLE stats_token (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    label         VARCHAR(64)  NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    last_used_at  DATETIME(3)  NULL,
    revoked_at    DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_stats_token_hash (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
