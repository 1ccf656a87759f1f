-- How far each imported source got: written in the same transaction as the events of its rows,
-- so an interrupted import resumes right after the last stored row, and a source imported whole
-- is recognised and not applied twice. A source is identified by its content (SHA-256), not its name.
CREATE TABLE import_source (
    content_sha256 TEXT PRIMARY KEY,
    name           TEXT    NOT NULL,
    lines_done     INTEGER NOT NULL,
    complete       INTEGER NOT NULL,
    updated        TEXT    NOT NULL
);
