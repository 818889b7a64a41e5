-- The staff review UI: staff accounts (with the organisations they may see), sessions,
-- login throttling, the audit log, draft revisions, and the order of the review queue.

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'reviewer', 'admin')),
    password_hash TEXT NOT NULL,
    disabled BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);

CREATE TABLE user_orgs (
    user_id BIGINT NOT NULL REFERENCES users (id),
    org_id TEXT NOT NULL,
    PRIMARY KEY (user_id, org_id)
);

-- A session is found by the SHA-256 of its cookie, so a copy of the database cannot log in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    first_failed_at BIGINT NOT NULL,
    locked_until BIGINT
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    org_id TEXT,
    action TEXT NOT NULL,
    subject TEXT,
    from_state TEXT,
    to_state TEXT,
    detail TEXT
);
CREATE INDEX audit_log_org ON audit_log (org_id, id);

-- Every version of a draft; drafts.source and drafts.markdown hold the latest.
CREATE TABLE draft_revisions (
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    rev BIGINT NOT NULL,
    source TEXT NOT NULL,
    markdown TEXT NOT NULL,
    edited_by TEXT NOT NULL,
    edited_at BIGINT NOT NULL,
    PRIMARY KEY (draft_id, rev)
);
INSERT INTO draft_revisions (draft_id, rev, source, markdown, edited_by, edited_at)
    SELECT id, 1, source, markdown, generated_by, generated_at FROM drafts;
ALTER TABLE drafts ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;

-- The queue shows the newest flagged first (the run that flagged or reopened a suspect), then
-- the highest score; these indexes serve it page by page without sorting, whatever the filter
-- (organisation, status, platform, or none).
ALTER TABLE suspects ADD COLUMN flagged_run_id BIGINT NOT NULL DEFAULT 0;
UPDATE suspects SET flagged_run_id = COALESCE(
    (SELECT MAX(e.run_id) FROM suspect_events e WHERE e.suspect_id = suspects.id AND e.to_status = 'new'), 0);
DROP INDEX suspects_queue;
CREATE INDEX suspects_queue_status ON suspects (org_id, status, flagged_run_id DESC, score DESC, id DESC);
CREATE INDEX suspects_queue_org ON suspects (org_id, flagged_run_id DESC, score DESC, id DESC);
CREATE INDEX suspects_queue_all ON suspects (status, flagged_run_id DESC, score DESC, id DESC);
CREATE INDEX suspects_queue ON suspects (flagged_run_id DESC, score DESC, id DESC);
CREATE INDEX suspects_queue_platform ON suspects (platform, flagged_run_id DESC, score DESC, id DESC);
