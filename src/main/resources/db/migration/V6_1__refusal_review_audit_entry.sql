-- Each disposition keeps the id of the audit entry written with it (its place in the hash chain), so that an
-- evidence sheet can cite where in the trail the disposition stands. Null only when no such entry is found.
ALTER TABLE refusal_review ADD COLUMN audit_entry_id BIGINT NULL AFTER reviewed_at;

-- Dispositions recorded before: each was written in one transaction with one 'refusal.reviewed' entry of the
-- same refusal, in the same order, so the n-th disposition of a refusal goes with its n-th such entry.
UPDATE refusal_review r
    JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY verdict_id ORDER BY id) AS n FROM refusal_review) rn
        ON rn.id = r.id
    JOIN (SELECT id, entity_id, ROW_NUMBER() OVER (PARTITION BY entity_id ORDER BY id) AS n FROM audit_entry
          WHERE entity_type = 'refusal' AND action = 'refusal.reviewed') a
        ON UNHEX(REPLACE(a.entity_id, '-', '')) = r.verdict_id AND a.n = rn.n
SET r.audit_entry_id = a.id
WHERE r.audit_entry_id IS NULL;
