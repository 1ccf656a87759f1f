-- Each deposit's client, amount and dispute state beside its tx-id reservation (see the SQLite
-- migration of the same version).
ALTER TABLE tx_reservation ADD COLUMN client INTEGER;
ALTER TABLE tx_reservation ADD COLUMN amount BIGINT;
ALTER TABLE tx_reservation ADD COLUMN dispute_state SMALLINT;

DELETE FROM SnapshotEventEntry;

INSERT INTO ledger_upgrade (name) SELECT 'tx_reservation' WHERE EXISTS (SELECT 1 FROM DomainEventEntry)
    AND NOT EXISTS (SELECT 1 FROM ledger_upgrade WHERE name = 'tx_reservation');
