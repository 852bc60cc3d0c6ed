-- Today's figures, kept so that they reload in a second however busy the day was: verdicts counted per
-- quarter hour of scan time (UTC; every time zone's hours start on a quarter hour), per gate and device.
-- Written by the verdict feature in the same transaction as the verdicts it counts, and only for rows
-- that statement really inserted, so a tally is exactly as durable as its verdicts and never counts a
-- retry twice. What is counted:
--   ADMITTED / REFUSED    item = the person's role (their sum is the admitted / refused total)
--   REFUSAL_REASON        item = a refusal reason of a refused verdict
--   NON_CONFORMING        item = '' (verdicts that broke the policy version they named)
-- The clustered key is the natural key, so an upsert of an existing tally locks that row only, never a
-- gap another device's batch inserts into.

CREATE TABLE verdict_tally (
    venue_id     BIGINT      NOT NULL,
    period_start DATETIME    NOT NULL,
    gate_id      BIGINT      NOT NULL,
    device_id    BIGINT      NOT NULL,
    counted      VARCHAR(16) NOT NULL,
    item         VARCHAR(32) NOT NULL DEFAULT '',
    n            BIGINT      NOT NULL,
    PRIMARY KEY (venue_id, period_start, gate_id, device_id, counted, item)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The verdicts stored before this table existed, counted once here (the application is not running
-- while Flyway migrates): the same derivation as the ingestion path's, in SQL. The three kinds never
-- share a key, so three grouped inserts fill the table without a merge.
INSERT INTO verdict_tally (venue_id, period_start, gate_id, device_id, counted, item, n)
SELECT venue_id, TIMESTAMPADD(MINUTE, MINUTE(scanned_at) DIV 15 * 15, DATE_FORMAT(scanned_at, '%Y-%m-%d %H:00:00')) AS p, gate_id, device_id, outcome, person_role, COUNT(*)
  FROM verdict
 GROUP BY venue_id, p, gate_id, device_id, outcome, person_role;

INSERT INTO verdict_tally (venue_id, period_start, gate_id, device_id, counted, item, n)
SELECT venue_id, TIMESTAMPADD(MINUTE, MINUTE(scanned_at) DIV 15 * 15, DATE_FORMAT(scanned_at, '%Y-%m-%d %H:00:00')) AS p, gate_id, device_id, 'REFUSAL_REASON', r.reason, COUNT(*)
  FROM verdict
  JOIN (SELECT 'CODE_RED' AS reason UNION ALL SELECT 'CODE_YELLOW' UNION ALL SELECT 'NO_CODE'
        UNION ALL SELECT 'PHOTOLESS_WITHOUT_ID' UNION ALL SELECT 'NO_MASK' UNION ALL SELECT 'FEVER') r
    ON FIND_IN_SET(r.reason, reasons) > 0
 WHERE outcome = 'REFUSED'
 GROUP BY venue_id, p, gate_id, device_id, r.reason;

INSERT INTO verdict_tally (venue_id, period_start, gate_id, device_id, counted, item, n)
SELECT venue_id, TIMESTAMPADD(MINUTE, MINUTE(scanned_at) DIV 15 * 15, DATE_FORMAT(scanned_at, '%Y-%m-%d %H:00:00')) AS p, gate_id, device_id, 'NON_CONFORMING', '', COUNT(*)
  FROM verdict
 WHERE non_conforming
 GROUP BY venue_id, p, gate_id, device_id;
