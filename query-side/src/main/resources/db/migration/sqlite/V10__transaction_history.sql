-- The service's transaction queries: every accepted deposit and withdrawal, with its dispute state
-- (none, disputed, resolved, charged_back). tx is the rowid: tx ids of accepted rows are unique.
-- position is the event's place in the event store: a client's rows in ledger order.
CREATE TABLE ledger_transaction (
    tx       INTEGER PRIMARY KEY,
    client   INTEGER     NOT NULL,
    type     VARCHAR(16) NOT NULL,
    amount   BIGINT      NOT NULL,
    state    VARCHAR(16) NOT NULL,
    position BIGINT      NOT NULL
);
CREATE INDEX ledger_transaction_by_client ON ledger_transaction (client, position);

-- A row an account rejected names its client, type, tx and amount (malformed rows name none).
ALTER TABLE rejected_row ADD COLUMN client INTEGER;
ALTER TABLE rejected_row ADD COLUMN type VARCHAR(16);
ALTER TABLE rejected_row ADD COLUMN tx BIGINT;
ALTER TABLE rejected_row ADD COLUMN amount BIGINT;
CREATE INDEX rejected_row_by_client ON rejected_row (client, id) WHERE client IS NOT NULL;

-- The new table and columns need every event again: the projection starts over from the first
-- event the next time the ledger is opened (a replay, done once).
DELETE FROM account_balance;
DELETE FROM rejected_row;
DELETE FROM TokenEntry WHERE processorName = 'balances';
