-- The data folder's guided tours (tours/<id>.json, lib/tours), checked against the version's own
-- events and quotes by the load, kept with the version as written: every page lists or shows them.
ALTER TABLE dataset_versions ADD COLUMN tours json NOT NULL DEFAULT '[]';
