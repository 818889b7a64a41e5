-- Drafts generated for suspects: who generated them, when, and the text (format-neutral source
-- and its Markdown rendering), so the review UI can show, edit and re-render them.
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    lang TEXT NOT NULL,
    platform TEXT,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    markdown TEXT NOT NULL,
    generated_by TEXT NOT NULL,
    generated_at BIGINT NOT NULL
);
CREATE TABLE draft_suspects (
    draft_id BIGINT NOT NULL REFERENCES drafts (id),
    suspect_id BIGINT NOT NULL REFERENCES suspects (id),
    PRIMARY KEY (draft_id, suspect_id)
);
CREATE INDEX draft_suspects_suspect ON draft_suspects (suspect_id);
