-- The dataset's tables. Every table carries the dataset key (`dataset`) and every statement filters
-- by it, so that a dataset can later be a distribution unit (Citus). A load writes a whole new
-- version beside the published one and publishes it by changing one row of `published`: readers pin
-- a version id when they open a snapshot and filter every statement by it.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE dataset_versions (
  dataset text NOT NULL,
  version bigint GENERATED ALWAYS AS IDENTITY,
  -- A hash of the loaded content: part of the version string that keys ETags and caches.
  content_hash text NOT NULL,
  -- What the version covers (lib/sources/coverage.ts), counted once by the load: every page shows it.
  coverage json NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dataset, version)
);

-- One row per dataset: the version readers see.
CREATE TABLE published (
  dataset text PRIMARY KEY,
  version bigint NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version)
);

-- The reference tables keep each record as written (json keeps key order) and its place in the file.
CREATE TABLE places (
  dataset text NOT NULL,
  version bigint NOT NULL,
  position integer NOT NULL,
  id text COLLATE "C" NOT NULL,
  country text NOT NULL,
  location geography(Point, 4326) NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (dataset, version, id),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);
CREATE INDEX places_location ON places USING gist (location);

CREATE TABLE organizations (
  dataset text NOT NULL,
  version bigint NOT NULL,
  position integer NOT NULL,
  id text COLLATE "C" NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (dataset, version, id),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);

CREATE TABLE categories (
  dataset text NOT NULL,
  version bigint NOT NULL,
  position integer NOT NULL,
  id text COLLATE "C" NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (dataset, version, id),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);

-- sources.json's documents, with each document's text when the folder has it.
CREATE TABLE source_documents (
  dataset text NOT NULL,
  version bigint NOT NULL,
  position integer NOT NULL,
  id text COLLATE "C" NOT NULL,
  file text NOT NULL,
  record json NOT NULL,
  body text,
  PRIMARY KEY (dataset, version, id),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);

-- Events, with the columns filters, counts and date order read (narrow rows: counts, facets and pins
-- scan them); the records themselves are in event_records. A load writes the rows in date order,
-- so that a page in date order reads neighbouring rows. Spans are inclusive UTC milliseconds
-- (lib/core/time-window.ts); months count from January 1970.
CREATE TABLE events (
  dataset text NOT NULL,
  version bigint NOT NULL,
  id text COLLATE "C" NOT NULL,
  -- The dates as written (partial: 2015, 2015-11): the data's extent names its first and last.
  start_date text NOT NULL,
  end_date text,
  start_ms bigint NOT NULL,
  end_ms bigint NOT NULL,
  start_year integer NOT NULL,
  end_year integer NOT NULL,
  start_month integer NOT NULL,
  end_month integer NOT NULL,
  place text,
  country text,
  place_inferred boolean NOT NULL,
  category text NOT NULL,
  organizations text[] NOT NULL,
  PRIMARY KEY (dataset, version, id),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);
-- Date order (the list's keyset cursor, exports, Previous/Next) is an index scan.
CREATE INDEX events_date_order ON events (dataset, version, start_ms, end_ms, id);
CREATE INDEX events_place ON events (dataset, version, place);
CREATE INDEX events_category ON events (dataset, version, category);
CREATE INDEX events_organizations ON events USING gin (organizations);

-- Each event's validated record as written (json keeps key order): rows, the detail, exports.
CREATE TABLE event_records (
  dataset text NOT NULL,
  version bigint NOT NULL,
  id text COLLATE "C" NOT NULL,
  record json NOT NULL,
  PRIMARY KEY (dataset, version, id),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);

-- The search (lib/search/search.ts) in SQL: each event's words (folded; Chinese as character pairs)
-- with its place's and organizations' names, and its text as the substring test reads it; both
-- GIN-indexed (the text by trigrams, for LIKE '%…%').
CREATE TABLE event_search (
  dataset text NOT NULL,
  version bigint NOT NULL,
  id text COLLATE "C" NOT NULL,
  words text[] NOT NULL,
  search_text text NOT NULL,
  PRIMARY KEY (dataset, version, id),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);
CREATE INDEX event_search_words ON event_search USING gin (words);
CREATE INDEX event_search_text ON event_search USING gin (search_text gin_trgm_ops);

-- The words a search looks up, per list: events' own words (with how many events have each), place
-- names and organization ids and names (with the places or organizations that have each), each list
-- in the order its words were first seen (ties between near misses are settled by it).
CREATE TABLE search_words (
  dataset text NOT NULL,
  version bigint NOT NULL,
  list text NOT NULL CHECK (list IN ('own', 'place', 'org')),
  seen integer NOT NULL,
  word text NOT NULL,
  events integer,
  ids text[],
  PRIMARY KEY (dataset, version, list, word),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);

-- The monthly rollup: events per month (each month an event touches) and category, for density views.
CREATE TABLE event_months (
  dataset text NOT NULL,
  version bigint NOT NULL,
  month integer NOT NULL,
  category text NOT NULL,
  events integer NOT NULL,
  PRIMARY KEY (dataset, version, month, category),
  FOREIGN KEY (dataset, version) REFERENCES dataset_versions (dataset, version) ON DELETE CASCADE
);
