-- Retention: when the evidence of a dismissed suspect (its sightings, bio and pictures) was
-- purged. The dismissal itself (the allow-list entry), its events and the audit log stay.
ALTER TABLE suspects ADD COLUMN evidence_purged_at BIGINT;
