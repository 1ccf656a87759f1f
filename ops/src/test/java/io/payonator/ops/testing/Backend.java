package io.payonator.ops.testing;

import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.postgres.PostgresLocation;
import io.payonator.ops.ledger.sqlite.SqliteLocation;

import java.nio.file.Path;

/** The storage backends a test runs on, each giving a new ledger as {@code --db} names it. */
public enum Backend {

    SQLITE {
        @Override
        public String newLedger(Path work) {
            return work.resolve("ledger.db").toString();
        }

        @Override
        public LedgerLocation location(String ledger) {
            return SqliteLocation.of(Path.of(ledger));
        }

        @Override
        public String jdbcUrl(String ledger) {
            return "jdbc:sqlite:" + ledger;
        }
    },
    POSTGRESQL {
        @Override
        public String newLedger(Path work) {
            return TestPostgres.newDatabase();
        }

        @Override
        public LedgerLocation location(String ledger) {
            return PostgresLocation.parse(ledger);
        }

        @Override
        public String jdbcUrl(String ledger) {
            return ledger;
        }
    };

    /** A ledger that does not exist yet; {@code work} is the test's own folder. */
    public abstract String newLedger(Path work);

    /** The ledger as the command line's {@code --db} resolves it. */
    public abstract LedgerLocation location(String ledger);

    /** A JDBC URL to look into the ledger's tables directly. */
    public abstract String jdbcUrl(String ledger);
}
