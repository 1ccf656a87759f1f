-- How far each client's rows of an imported source are stored, for imports through a cluster
-- (see the SQLite migration of the same version).
CREATE TABLE import_client_mark (
    content_sha256 TEXT    NOT NULL,
    client         INTEGER NOT NULL,
    lines_done     BIGINT  NOT NULL,
    PRIMARY KEY (content_sha256, client)
);
