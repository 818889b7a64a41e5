-- The platforms' answers, told apart: besides found, not found, blocked and failed, an account
-- the platform says it removed (suspended, taken down, deactivated: evidence of removal) and
-- one that cannot be seen from here (private, a personal Instagram account, a remote account an
-- instance does not know: never evidence of removal).
ALTER TABLE scan_source_counts ADD COLUMN gone BIGINT NOT NULL DEFAULT 0;
ALTER TABLE scan_source_counts ADD COLUMN not_visible BIGINT NOT NULL DEFAULT 0;

-- How far tonight's plan within the quotas reaches on each quota-bound platform (JSON
-- `[{platform, per_night, accounts, nights}, …]`), for the scans page and the digests.
ALTER TABLE scan_runs ADD COLUMN coverage TEXT NOT NULL DEFAULT '[]';
