-- Which node counted a tally (base.ThisNode: a number drawn at each start; 0 for tallies counted before nodes
-- were told apart). Each node counts its own verdicts exactly and hears of the others' through the live bus,
-- falling back to these rows for a node it does not hear (see docs/live-dashboard.md, "Several nodes").
ALTER TABLE verdict_tally
    ADD COLUMN node BIGINT NOT NULL DEFAULT 0 AFTER item,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (venue_id, period_start, gate_id, device_id, counted, item, node);
