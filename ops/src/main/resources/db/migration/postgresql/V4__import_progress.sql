-- How far each imported source got, written in the transaction of its rows' events (see the
-- SQLite migration of the same version). name keeps the operator's spelling, byte for byte.
CREATE TABLE import_source (
    content_sha256 TEXT PRIMARY KEY,
    name           TEXT    NOT NULL,
    lines_done     BIGINT  NOT NULL,
    complete       INTEGER NOT NULL,
    updated        TEXT    NOT NULL
);
