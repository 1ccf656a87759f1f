-- Reserved tx ids (SPEC.md step 2), written by the event store in the transaction of the events
-- that reserve them: the key refuses a second reservation, whichever process or node tries it.
CREATE TABLE tx_reservation (tx BIGINT PRIMARY KEY);

-- Upgrades a ledger needs once (see the SQLite migration of the same version); none yet here.
CREATE TABLE ledger_upgrade (name TEXT PRIMARY KEY);
