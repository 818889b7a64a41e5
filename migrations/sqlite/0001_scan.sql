-- The nightly scan's storage: runs, their units of work, genuine-account snapshots,
-- suspects with sightings and status events, and avatar evidence.
-- Times are Unix seconds (UTC). Append-only: change the schema in a new migration.

CREATE TABLE scan_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
    scope TEXT NOT NULL,
    trigger_kind TEXT NOT NULL,
    units_total BIGINT NOT NULL DEFAULT 0,
    units_done BIGINT NOT NULL DEFAULT 0,
    candidates BIGINT NOT NULL DEFAULT 0,
    new_suspects BIGINT NOT NULL DEFAULT 0,
    reopened BIGINT NOT NULL DEFAULT 0,
    removed BIGINT NOT NULL DEFAULT 0,
    genuine_changes BIGINT NOT NULL DEFAULT 0,
    errors BIGINT NOT NULL DEFAULT 0,
    skipped TEXT NOT NULL DEFAULT '[]',
    message TEXT
);

CREATE TABLE scan_units (
    run_id BIGINT NOT NULL REFERENCES scan_runs (id),
    unit TEXT NOT NULL,
    done_at BIGINT NOT NULL,
    PRIMARY KEY (run_id, unit)
);

CREATE TABLE scan_source_counts (
    run_id BIGINT NOT NULL REFERENCES scan_runs (id),
    platform TEXT NOT NULL,
    looked_up BIGINT NOT NULL DEFAULT 0,
    found BIGINT NOT NULL DEFAULT 0,
    not_found BIGINT NOT NULL DEFAULT 0,
    blocked BIGINT NOT NULL DEFAULT 0,
    failed BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, platform)
);

CREATE TABLE scan_errors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id BIGINT NOT NULL REFERENCES scan_runs (id),
    unit TEXT NOT NULL,
    platform TEXT,
    message TEXT NOT NULL
);
CREATE INDEX scan_errors_run ON scan_errors (run_id);

-- One row: who holds the scan lease, for which run, and when it last said so.
CREATE TABLE scan_lock (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    holder TEXT,
    run_id BIGINT,
    heartbeat_at BIGINT
);
INSERT INTO scan_lock (id) VALUES (1);

CREATE TABLE avatars (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL,
    size BIGINT NOT NULL,
    first_seen_at BIGINT NOT NULL
);

CREATE TABLE genuine_snapshots (
    account_key TEXT PRIMARY KEY,
    org_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    label TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('present', 'vanished')),
    display_name TEXT,
    handle TEXT,
    platform_id TEXT,
    bio TEXT,
    avatar_sha256 TEXT REFERENCES avatars (sha256),
    avatar_hash TEXT,
    checked_at BIGINT NOT NULL,
    changed_at BIGINT NOT NULL,
    run_id BIGINT NOT NULL
);

CREATE TABLE genuine_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_key TEXT NOT NULL,
    run_id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT,
    UNIQUE (account_key, run_id, kind)
);

CREATE TABLE suspects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    account_key TEXT NOT NULL,
    platform_id TEXT,
    handle_key TEXT,
    handle TEXT,
    display_name TEXT NOT NULL,
    url TEXT,
    bio TEXT,
    avatar_sha256 TEXT REFERENCES avatars (sha256),
    avatar_hash TEXT,
    org_id TEXT NOT NULL,
    target_key TEXT NOT NULL,
    target_label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('new', 'confirmed', 'dismissed', 'reported', 'removed')),
    status_note TEXT,
    status_changed_at BIGINT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    removed_at BIGINT,
    reported_ticket TEXT,
    reported_at BIGINT,
    dismissed_name TEXT,
    dismissed_avatar_sha256 TEXT,
    dismissed_score DOUBLE PRECISION,
    version BIGINT NOT NULL DEFAULT 1,
    UNIQUE (platform, account_key)
);
CREATE INDEX suspects_platform_id ON suspects (platform, platform_id);
CREATE INDEX suspects_handle_key ON suspects (platform, handle_key);
CREATE INDEX suspects_queue ON suspects (org_id, status, score);

CREATE TABLE sightings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    suspect_id BIGINT NOT NULL REFERENCES suspects (id),
    run_id BIGINT NOT NULL,
    seen_at BIGINT NOT NULL,
    display_name TEXT NOT NULL,
    handle TEXT,
    url TEXT,
    bio TEXT,
    avatar_sha256 TEXT REFERENCES avatars (sha256),
    score DOUBLE PRECISION NOT NULL,
    verdict TEXT NOT NULL,
    reasons TEXT NOT NULL,
    UNIQUE (suspect_id, run_id)
);

CREATE TABLE suspect_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    suspect_id BIGINT NOT NULL REFERENCES suspects (id),
    run_id BIGINT,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT
);
CREATE INDEX suspect_events_suspect ON suspect_events (suspect_id);
