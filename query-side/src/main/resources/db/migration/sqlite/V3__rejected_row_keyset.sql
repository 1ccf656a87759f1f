-- The rejects report is read in pages ordered by (source, line, id): index exactly that order.
DROP INDEX rejected_row_by_origin;
CREATE INDEX rejected_row_by_origin ON rejected_row (source, line, id);
