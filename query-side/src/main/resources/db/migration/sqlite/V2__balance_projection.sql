-- Query side: denormalised balances, one row per client, amounts in 1/10000 units.
CREATE TABLE account_balance (
    client    INTEGER PRIMARY KEY,
    available BIGINT  NOT NULL,
    held      BIGINT  NOT NULL,
    total     BIGINT  NOT NULL,
    locked    BOOLEAN NOT NULL
);

-- Every malformed or rejected row, for the rejects report.
CREATE TABLE rejected_row (
    id     INTEGER PRIMARY KEY, -- position of the reporting event in the event store
    source VARCHAR(4096) NOT NULL,
    line   BIGINT        NOT NULL,
    reason VARCHAR(32)   NOT NULL,
    detail VARCHAR(4096)
);
CREATE INDEX rejected_row_by_origin ON rejected_row (source, line);
