-- Foundation: people, the venue registry and the audit trail.
-- Times are stored in UTC (the JDBC URL and the app run with a UTC session time zone).

CREATE TABLE venue (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(32)  NOT NULL,
    name_zh     VARCHAR(128) NOT NULL,
    name_en     VARCHAR(128) NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    district    VARCHAR(64)  NULL,
    address     VARCHAR(255) NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  DATETIME(3)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_venue_code (code),
    KEY ix_venue_level_district (level, district)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE gate (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    venue_id    BIGINT       NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name_zh     VARCHAR(128) NOT NULL,
    name_en     VARCHAR(128) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  DATETIME(3)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_gate_venue_code (venue_id, code),
    CONSTRAINT fk_gate_venue FOREIGN KEY (venue_id) REFERENCES venue (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE device (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    gate_id      BIGINT      NOT NULL,
    label        VARCHAR(64) NOT NULL,
    -- SHA-256 (hex) of the bearer token; the token itself is shown once and never stored
    token_hash   CHAR(64)    NOT NULL,
    -- ACTIVE, DISABLED (temporarily refused) or REVOKED (for good)
    status       VARCHAR(16) NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    token_issued_at DATETIME(3) NOT NULL,
    version      INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_device_token_hash (token_hash),
    KEY ix_device_gate (gate_id),
    CONSTRAINT fk_device_gate FOREIGN KEY (gate_id) REFERENCES gate (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(128) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    locale         VARCHAR(16)  NOT NULL DEFAULT 'zh-CN',
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins  INT          NOT NULL DEFAULT 0,
    locked_until   DATETIME(3)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_user_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The venues a MANAGER may see; empty for the other roles, who see all.
CREATE TABLE app_user_venue (
    user_id   BIGINT NOT NULL,
    venue_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, venue_id),
    KEY ix_app_user_venue_venue (venue_id),
    CONSTRAINT fk_app_user_venue_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_app_user_venue_venue FOREIGN KEY (venue_id) REFERENCES venue (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only; each entry carries the hash of the previous one so an edit or a deletion breaks the chain.
CREATE TABLE audit_entry (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at  DATETIME(3)  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    entity_type  VARCHAR(64)  NOT NULL,
    entity_id    VARCHAR(64)  NULL,
    action       VARCHAR(64)  NOT NULL,
    before_json  LONGTEXT     NULL,
    after_json   LONGTEXT     NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_entity (entity_type, entity_id),
    KEY ix_audit_occurred (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
