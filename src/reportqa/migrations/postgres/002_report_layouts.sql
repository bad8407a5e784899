-- Each report's fact-layout fingerprint (``fact_layout.layout_fingerprint``): a question over many reports reads the
-- facts of one report per layout and only the answering cells of the others. Reports stored before this migration
-- get theirs at the next build (``fill_layout_fingerprints``).
CREATE TABLE report_layouts (
  report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL
);
