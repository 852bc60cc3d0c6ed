-- Jobs that must run on one node of a cluster at a time (the retention purge, the purge of old failed
-- sign-ins) take their row here first: ShedLock's JDBC provider (base.db.JobLocks). Times are UTC, from the
-- database's own clock (UTC_TIMESTAMP(3)), so nodes whose clocks differ still agree on when a lock ends.
CREATE TABLE shedlock (
    name        VARCHAR(64)   NOT NULL,
    lock_until  DATETIME(3)   NOT NULL,
    locked_at   DATETIME(3)   NOT NULL,
    locked_by   VARCHAR(255)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
