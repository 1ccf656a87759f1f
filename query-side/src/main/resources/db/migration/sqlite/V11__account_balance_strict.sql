-- The projection now adds each batch's changes to the balances in SQL (BalanceTable). SQLite turns
-- an integer addition that overflows into a floating-point value; in a STRICT table storing that
-- value is an error, so an overflow fails the batch instead of leaving an inexact balance.
CREATE TABLE account_balance_strict (
    client    INTEGER PRIMARY KEY,
    available INTEGER NOT NULL,
    held      INTEGER NOT NULL,
    total     INTEGER NOT NULL,
    locked    INTEGER NOT NULL CHECK (locked IN (0, 1))
) STRICT;
INSERT INTO account_balance_strict (client, available, held, total, locked)
    SELECT client, available, held, total, locked FROM account_balance;
DROP TABLE account_balance;
ALTER TABLE account_balance_strict RENAME TO account_balance;
