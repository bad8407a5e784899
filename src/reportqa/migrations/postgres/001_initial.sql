-- Reports, their passages (with the stored jieba tokens and a full-text vector over them), their facts (values as
-- NUMERIC, so questions across reports can be SQL aggregates), the passage-vector cache and the store's generation.
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  agency TEXT,
  year INTEGER,
  format TEXT,
  source TEXT NOT NULL,
  synthetic BOOLEAN NOT NULL DEFAULT FALSE,
  warnings JSONB NOT NULL DEFAULT '[]',
  sections JSONB NOT NULL DEFAULT '[]',
  parser TEXT
);
CREATE INDEX reports_source ON reports (source);
CREATE INDEX reports_year_agency ON reports (year, agency);

CREATE TABLE passages (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  id TEXT NOT NULL,
  section TEXT,
  text TEXT NOT NULL,
  kind TEXT,
  year INTEGER,
  agency TEXT,
  tokens JSONB,
  search TSVECTOR,
  PRIMARY KEY (report_id, ord)
);
CREATE INDEX passages_search ON passages USING GIN (search);
CREATE INDEX passages_year_agency ON passages (year, agency);

CREATE TABLE facts (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  table_name TEXT,
  path JSONB NOT NULL,
  col TEXT,
  value NUMERIC,
  unit TEXT,
  raw TEXT,
  source TEXT,
  year INTEGER,
  agency TEXT,
  PRIMARY KEY (report_id, ord)
);
CREATE INDEX facts_year_agency ON facts (year, agency);
CREATE INDEX facts_row ON facts ((path ->> -1), col);

CREATE TABLE embeddings (
  model_id TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  vector BYTEA NOT NULL,
  PRIMARY KEY (model_id, text_hash)
);

CREATE TABLE store_state (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO store_state VALUES ('generation', 0);
