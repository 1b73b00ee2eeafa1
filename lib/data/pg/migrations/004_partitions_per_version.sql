-- Each version's events, records and search rows live in tables of their own: partitions of the
-- three tables, by version (events_v<version>, …). A load fills its new tables without indexes and
-- builds them once, after (lib/data/pg/load.ts): updating indexes that every version shares, row by
-- row, took most of a 10⁶-event load (the trigram index alone ~2 minutes). A retired version's
-- tables are dropped, not deleted row by row, and each version has statistics of its own. The
-- indexes below are the parents': a load builds the same ones on its tables (it reads them here).
DO $$
DECLARE
  t text;
  v bigint;
BEGIN
  FOREACH t IN ARRAY ARRAY['events', 'event_records', 'event_search'] LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_unpartitioned');
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t || '_unpartitioned', t || '_pkey');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY LIST (version)', t, t || '_unpartitioned');
    EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (dataset, version, id)', t);
    EXECUTE format('ALTER TABLE %I ADD FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE', t);
  END LOOP;
END $$;

DROP INDEX events_date_order, events_place, events_category, events_organizations, event_search_words, event_search_text;
-- The event's own text (title, Chinese title, summary, people; lower-cased, one per line): what the
-- trigram index reads for a search's text verbatim. Its place's and organizations' names, the rest of
-- search_text, are few: a load-free look-up in the store finds those that have the text
-- (lib/data/pg/search.ts). A third of the text to index, a third of the index to build.
ALTER TABLE event_search ADD COLUMN own_text text NOT NULL DEFAULT '';
ALTER TABLE event_search ALTER COLUMN own_text DROP DEFAULT;
-- Date order (the list's keyset cursor, exports, Previous/Next) is an index scan.
CREATE INDEX events_date_order ON events (dataset, version, start_ms, end_ms, id);
-- A city or category filter, with a time window or not, counted from the index alone (index-only
-- scans: the load VACUUMs its tables): at 10⁶ events a filtered count took 1.2 s reading the rows,
-- 54 ms from the index (docs/postgres-plans.md).
CREATE INDEX events_place ON events (dataset, version, place, start_ms) INCLUDE (end_ms, country, category, place_inferred, start_year, end_year);
CREATE INDEX events_category ON events (dataset, version, category, start_ms) INCLUDE (end_ms, place, country, place_inferred, start_year, end_year);
CREATE INDEX events_organizations ON events USING gin (organizations);
CREATE INDEX event_search_words ON event_search USING gin (words);
CREATE INDEX event_search_own_text ON event_search USING gin (own_text gin_trgm_ops);

-- The versions already loaded, moved into tables of their own (events in date order).
DO $$
DECLARE
  v bigint;
BEGIN
  FOR v IN SELECT version FROM dataset_versions LOOP
    EXECUTE format('CREATE TABLE events_v%1$s PARTITION OF events FOR VALUES IN (%1$s)', v);
    EXECUTE format('INSERT INTO events_v%1$s SELECT * FROM events_unpartitioned WHERE version = %1$s ORDER BY start_ms, end_ms, id', v);
    EXECUTE format('CREATE TABLE event_records_v%1$s PARTITION OF event_records FOR VALUES IN (%1$s)', v);
    EXECUTE format('INSERT INTO event_records_v%1$s SELECT * FROM event_records_unpartitioned WHERE version = %1$s', v);
    EXECUTE format('CREATE TABLE event_search_v%1$s PARTITION OF event_search FOR VALUES IN (%1$s)', v);
    EXECUTE format(
      $sql$INSERT INTO event_search_v%1$s
         SELECT s.*, lower(array_to_string(ARRAY[r.record->>'title', r.record->>'titleZh', r.record->>'summary']
                                           || ARRAY(SELECT json_array_elements_text(coalesce(r.record->'people', '[]'))), E'\n'))
         FROM event_search_unpartitioned s JOIN event_records_unpartitioned r USING (dataset, version, id)
         WHERE s.version = %1$s$sql$, v);
  END LOOP;
END $$;
DROP TABLE events_unpartitioned, event_records_unpartitioned, event_search_unpartitioned;
