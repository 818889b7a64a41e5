-- The review servers (`serve`) running on this database and their last heartbeat (Unix
-- seconds on the database's clock): a per-client limit meant for all of them together (the
-- public check's) is shared out among those running. A server removes its row when it stops;
-- a row not renewed for 30 seconds is a server that died and is deleted by the next heartbeat.
CREATE TABLE review_servers (
    id TEXT PRIMARY KEY,
    seen_at BIGINT NOT NULL
);
