-- Operations: each source's self-test in each run, and the digests sent after scheduled scans.

-- A source's self-test before a run trusts it: a known genuine account must be found with
-- its expected id, and a handle that cannot exist must not be. `degraded`: the run does not
-- use the source's "not found" answers; `unverified`: no genuine account to test it with.
CREATE TABLE source_probes (
    run_id BIGINT NOT NULL REFERENCES scan_runs (id),
    platform TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'degraded', 'unverified')),
    detail TEXT NOT NULL,
    checked_at BIGINT NOT NULL,
    PRIMARY KEY (run_id, platform)
);

-- One digest to one recipient on one channel after one run: sent, or failed after retries.
-- `covers_from_run`: the first run whose changes it carried (a recipient that missed a digest
-- gets those changes in the next one).
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id BIGINT NOT NULL REFERENCES scan_runs (id),
    org_id TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('digest', 'all_clear')),
    covers_from_run BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
    attempts BIGINT NOT NULL,
    error TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (run_id, org_id, channel, recipient)
);
CREATE INDEX notifications_recipient ON notifications (org_id, channel, recipient, status, run_id);
