-- When a version stopped being the published one (null while it is, or never was). A replaced version
-- is kept for a grace period (lib/data/pg/load.ts) so that a request pinned to it — on the primary,
-- or on a replica that replays two publishes at once — finishes on its own rows.
ALTER TABLE dataset_versions ADD COLUMN retired_at timestamptz;
