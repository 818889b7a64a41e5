-- The matches of candidate pictures against the genuine pictures, worked out by one process
-- of a run and taken in by the others (`scan --worker`), so that a picture met by several
-- workers is aligned once. `gallery` is the digest of the genuine pictures the matches were
-- worked out against (processes of one run agree on it unless their snapshots or builds
-- differ); `picture` is the sha256 of the candidate's fingerprint; `matches` the text
-- `matching::pictures::Pictures::export` writes. The planner deletes the rows of other runs
-- when a run begins and its own when the run ends.
CREATE TABLE picture_matches (
    run_id BIGINT NOT NULL,
    gallery TEXT NOT NULL,
    picture TEXT NOT NULL,
    matches TEXT NOT NULL,
    PRIMARY KEY (run_id, gallery, picture)
);
