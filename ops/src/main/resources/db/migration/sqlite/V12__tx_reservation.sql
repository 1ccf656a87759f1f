-- Reserved tx ids (SPEC.md step 2), one row each, written by the event store in the same
-- transaction as the events of the rows that reserved them (LedgerStorageEngine): the key refuses
-- a second reservation, and a ledger opens without reading its history to rebuild them.
CREATE TABLE tx_reservation (tx INTEGER PRIMARY KEY);

-- A ledger written before the table existed holds its reservations only in its events: they are
-- read once, the first time this version opens it (TxReservations).
CREATE TABLE ledger_upgrade (name TEXT PRIMARY KEY);
INSERT INTO ledger_upgrade (name) SELECT 'tx_reservation' WHERE EXISTS (SELECT 1 FROM DomainEventEntry);
