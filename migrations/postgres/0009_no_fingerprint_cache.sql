-- The fingerprint cache of 0008 is gone: a cache of every decoded picture kept a fingerprint of
-- every innocent person's picture, which the retention rules say is never stored, and it
-- slowed the next night (see README, Several scan workers on one night). 0008 stays as it was
-- applied; this drops what it made. Fingerprints of stored pictures (genuine accounts and
-- suspects) live in their own rows, where the scan reuses them.
DROP TABLE IF EXISTS fingerprints;
