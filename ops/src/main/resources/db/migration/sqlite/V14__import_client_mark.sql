-- How far each client's rows of an imported source are stored, for imports through a cluster:
-- there a chunk's rows are stored by the clients' owners, each part in a transaction of its own
-- with the marks of its clients, so an interrupted import resumes client by client. A plain
-- import never writes it, but honours it on resume. A source's rows go once it is imported whole.
CREATE TABLE import_client_mark (
    content_sha256 TEXT    NOT NULL,
    client         INTEGER NOT NULL,
    lines_done     INTEGER NOT NULL,
    PRIMARY KEY (content_sha256, client)
);
