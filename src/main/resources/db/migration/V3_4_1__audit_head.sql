-- The one row writers of the audit trail lock in turn: it holds the hash of the newest entry, so each new
-- entry links to it without locking audit_entry rows (locking the newest entry let concurrent writers
-- deadlock on their inserts). Seeded from the newest entry of an existing trail.
CREATE TABLE audit_head (
    id         TINYINT  NOT NULL,
    last_hash  CHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_audit_head_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_head (id, last_hash)
SELECT 1, COALESCE((SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1), REPEAT('0', 64));
