-- The query tables on PostgreSQL, as the SQLite migrations V2, V3, V10 and V11 leave them.
-- Texts that reports sort by compare byte by byte (COLLATE "C"), as SQLite compares them: the
-- rejects report is then the same, row for row, on both backends.

-- Denormalised balances, one row per client, amounts in 1/10000 units. bigint arithmetic that
-- overflows is an error in PostgreSQL, so an overflowing addition fails the batch.
CREATE TABLE account_balance (
    client    INTEGER PRIMARY KEY,
    available BIGINT  NOT NULL,
    held      BIGINT  NOT NULL,
    total     BIGINT  NOT NULL,
    locked    BOOLEAN NOT NULL
);

-- Every malformed or rejected row, for the rejects report; id is the reporting event's position.
CREATE TABLE rejected_row (
    id     BIGINT PRIMARY KEY,
    source TEXT COLLATE "C" NOT NULL,
    line   BIGINT       NOT NULL,
    reason VARCHAR(32)  NOT NULL,
    detail TEXT,
    client INTEGER,
    type   VARCHAR(16),
    tx     BIGINT,
    amount BIGINT
);
CREATE INDEX rejected_row_by_origin ON rejected_row (source, line, id);
CREATE INDEX rejected_row_by_client ON rejected_row (client, id) WHERE client IS NOT NULL;

-- Accepted deposits and withdrawals with their dispute state; position orders a client's rows.
CREATE TABLE ledger_transaction (
    tx       BIGINT PRIMARY KEY,
    client   INTEGER     NOT NULL,
    type     VARCHAR(16) NOT NULL,
    amount   BIGINT      NOT NULL,
    state    VARCHAR(16) NOT NULL,
    position BIGINT      NOT NULL
);
CREATE INDEX ledger_transaction_by_client ON ledger_transaction (client, position);
