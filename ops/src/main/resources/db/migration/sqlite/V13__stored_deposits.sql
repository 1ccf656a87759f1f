-- Each deposit's client, amount and dispute state beside its tx-id reservation, written by the event
-- store with the events that make and change it (TxReservationTable): a client restored from a
-- snapshot, which no longer carries its deposits, finds there the one a dispute names.
ALTER TABLE tx_reservation ADD COLUMN client INTEGER;
ALTER TABLE tx_reservation ADD COLUMN amount INTEGER;
ALTER TABLE tx_reservation ADD COLUMN dispute_state INTEGER;

-- The snapshots written before carry every deposit (35 MB for a million); this version reads none of
-- them, and snapshots each client anew from its events.
DELETE FROM SnapshotEventEntry;

-- The reservations stored so far lack the deposits: the first start of this version rebuilds the
-- table from the events once (TxReservations).
INSERT INTO ledger_upgrade (name) SELECT 'tx_reservation' WHERE EXISTS (SELECT 1 FROM DomainEventEntry)
    AND NOT EXISTS (SELECT 1 FROM ledger_upgrade WHERE name = 'tx_reservation');
