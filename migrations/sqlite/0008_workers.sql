-- Several scan processes sharing one run (PostgreSQL; SQLite keeps one process per run but
-- uses the same tables). The planner writes a phase's units here; any process claims one,
-- holds it under a lease it renews while it works, and the unit's done marker stays in
-- scan_units (written in the unit's own transaction). A unit whose lease ran out (its worker
-- died) is claimed again and redone; the done marker makes a second apply a no-op.
CREATE TABLE scan_work (
    run_id BIGINT NOT NULL REFERENCES scan_runs (id),
    unit TEXT NOT NULL,
    phase INTEGER NOT NULL,
    claimed_by TEXT,
    lease_until BIGINT,
    claims INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, unit)
);
CREATE INDEX scan_work_phase ON scan_work (run_id, phase);

-- What the planner planned with, so that a worker joining later builds the same plan: the
-- open suspects per platform when the run began (JSON `[[platform, n], …]`) and a digest of
-- the registry's account keys (a worker with other seeds refuses to join).
ALTER TABLE scan_runs ADD COLUMN open_counts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE scan_runs ADD COLUMN registry_digest TEXT NOT NULL DEFAULT '';

-- Pictures' fingerprints (matching::AvatarHash, encoded) by the sha256 of their bytes, so
-- that a picture is decoded once whichever worker meets it, and not again on the next nights.
-- A cache, not evidence: no bytes, no account; rows older than 30 days are purged (the
-- picture is decoded again if it is still around).
CREATE TABLE fingerprints (
    sha256 TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    stored_at BIGINT NOT NULL
);

-- The request spacing per host shared by every process of a run: the earliest time (µs on the
-- database's clock) the next request to the host may start.
CREATE TABLE host_pace (
    host TEXT PRIMARY KEY,
    next_at BIGINT NOT NULL
);
