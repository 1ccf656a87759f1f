package io.payonator.ops.cli;

import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.postgres.PostgresLocation;
import io.payonator.ops.ledger.sqlite.SqliteLocation;
import picocli.CommandLine;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code --db}: a PostgreSQL JDBC URL ({@code jdbc:postgresql://HOST:PORT/DATABASE?user=NAME}) or
 * else the path of a SQLite file. Any other JDBC URL is refused rather than taken for a file name.
 */
final class LedgerLocations implements CommandLine.ITypeConverter<LedgerLocation> {

    @Override
    public LedgerLocation convert(String value) {
        if (PostgresLocation.names(value)) {
            return PostgresLocation.parse(value);
        }
        if (value.startsWith("jdbc:")) {
            throw new CommandLine.TypeConversionException("'" + PostgresLocation.withoutPassword(value)
                    + "' is not a ledger: give a SQLite file's path or a jdbc:postgresql:// URL");
        }
        try {
            return SqliteLocation.of(Path.of(value));
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
        }
    }
}
