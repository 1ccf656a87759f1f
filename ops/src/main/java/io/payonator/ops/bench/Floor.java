package io.payonator.ops.bench;

import io.payonator.ops.csv.CsvRow;
import io.payonator.ops.csv.TransactionCsvReader;
import io.payonator.ops.csv.UnreadableInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The floor an import is compared with: parsing the CSV, plus a raw JDBC batch insert of as many
 * events, of the same size, into the same SQLite schema. No framework, no rules: what the
 * hardware needs to read the input and write the events.
 */
final class Floor {

    /** What the floor took: parsing and inserting, in nanoseconds. */
    record Result(long rows, long parseNanos, long insertNanos) {
        long totalNanos() {
            return parseNanos + insertNanos;
        }
    }

    private static final int ROWS_PER_TRANSACTION = 65_536;

    private Floor() {
    }

    static Result measure(Path input, long events, int payloadBytes, Path scratch) throws Exception {
        long start = System.nanoTime();
        long rows = parse(input);
        long parsed = System.nanoTime();
        insert(events, payloadBytes, scratch);
        return new Result(rows, parsed - start, System.nanoTime() - parsed);
    }

    private static long parse(Path input) throws IOException, UnreadableInputException {
        long rows = 0;
        try (InputStream in = Files.newInputStream(input);
             TransactionCsvReader reader = TransactionCsvReader.open(input.toString(), in)) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void insert(long events, int payloadBytes, Path scratch) throws SQLException, IOException {
        Files.deleteIfExists(scratch);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + scratch
                + "?journal_mode=WAL&synchronous=NORMAL&cache_size=-262144");
             Statement ddl = connection.createStatement()) {
            for (String statement : schema().split(";")) {
                if (!statement.isBlank()) {
                    ddl.execute(statement);
                }
            }
            connection.setAutoCommit(false);
            byte[] payload = new byte[payloadBytes];
            String timestamp = Instant.now().toString();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                    + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                    + " payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (long i = 0; i < events; i++) {
                    insert.setString(1, identifier(i));
                    insert.setString(2, Long.toString(i % 10_000));
                    insert.setLong(3, i / 10_000);
                    insert.setString(4, "Client");
                    insert.setString(5, timestamp);
                    insert.setString(6, "io.payonator.api.event.Deposited");
                    insert.setString(7, null);
                    insert.setBytes(8, payload);
                    insert.setBytes(9, new byte[0]);
                    insert.addBatch();
                    if ((i + 1) % ROWS_PER_TRANSACTION == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    /** Shaped like the ledger's own message identifiers: a fixed prefix and a hexadecimal counter. */
    private static String identifier(long i) {
        String count = Long.toHexString(i);
        return "00000000000000000000-" + "0".repeat(16 - count.length()) + count;
    }

    private static String schema() throws IOException {
        try (InputStream in = Floor.class.getResourceAsStream("/db/migration/sqlite/V1__event_store.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.replaceAll("(?m)--.*$", "");
        }
    }
}
