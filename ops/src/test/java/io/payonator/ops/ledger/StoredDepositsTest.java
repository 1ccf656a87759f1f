package io.payonator.ops.ledger;

import io.payonator.ops.cli.Cli;
import io.payonator.ops.model.ReferenceLedger;
import io.payonator.ops.testing.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients restored from snapshots, which carry no deposits, decide disputes of deposits made before
 * them from the stored deposits, on a real ledger of each backend; and a ledger whose table lacks
 * the deposits gets them from its events at its next start.
 */
class StoredDepositsTest {

    private static final String SNAPSHOT_EVENTS = "payonator.snapshots.every-events";


    @TempDir
    Path work;

    @BeforeEach
    void snapshotEveryEvent() {
        System.setProperty(SNAPSHOT_EVENTS, "1");
    }

    @AfterEach
    void defaultSnapshots() {
        System.clearProperty(SNAPSHOT_EVENTS);
    }

    /** Deposits first; a later import disputes, resolves and charges them back, with every way to get it wrong. */
    private static final String DEPOSITS = """
            type,client,tx,amount
            deposit,1,1,10.0
            deposit,1,2,20.0
            deposit,1,3,30.0
            deposit,2,4,40.0
            withdrawal,1,5,1.0
            deposit,1,6,5.0
            dispute,1,6,
            deposit,3,7,1.0
            dispute,3,7,
            """;
    /**
     * A row for each client, imported between: a snapshot covers only committed events, and within
     * one import its chunks commit after the units of work that ask for snapshots.
     */
    private static final String TOUCH = """
            type,client,tx,amount
            deposit,1,50,1.0
            deposit,3,51,1.0
            """;
    private static final String DISPUTES = """
            type,client,tx,amount
            dispute,1,1,
            dispute,1,1,
            resolve,1,1,
            dispute,1,2,
            dispute,1,4,
            dispute,1,5,
            dispute,1,99,
            resolve,1,6,
            dispute,1,3,
            chargeback,1,3,
            dispute,1,2,
            chargeback,3,7,
            deposit,3,8,1.0
            """;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void disputesOfDepositsMadeBeforeTheSnapshotsAreDecidedAsFromTheWholeHistory(Backend backend) throws Exception {
        String db = backend.newLedger(work);
        Path deposits = importInto(db, "deposits.csv", DEPOSITS);
        Path touch = importInto(db, "touch.csv", TOUCH);
        Path disputes = Files.writeString(work.resolve("disputes.csv"), DISPUTES);
        assertThat(latestSnapshot(backend, db)).as("client 1 snapshotted after its third deposit")
                .isGreaterThanOrEqualTo(4);
        Cli.Result result = Cli.run(disputes.toString(), "--db", db, "-q");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(model(deposits, touch, disputes));
        assertThat(Cli.run("replay", "--db", db, "-q").out()).isEqualTo(model(deposits, touch, disputes));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTableWithoutItsDepositsIsRebuiltFromTheEventsAtTheNextStart(Backend backend) throws Exception {
        String db = backend.newLedger(work);
        Path deposits = importInto(db, "deposits.csv", DEPOSITS);
        Path disputes = Files.writeString(work.resolve("disputes.csv"), DISPUTES);
        List<String> stored = table(backend, db);
        update(backend, db, "UPDATE tx_reservation SET client = NULL, amount = NULL, dispute_state = NULL",
                "DELETE FROM tx_reservation WHERE tx = 4", "INSERT INTO ledger_upgrade (name) VALUES ('tx_reservation')");

        Cli.Result accounts = Cli.run("accounts", "--db", db, "-q");
        assertThat(accounts.exitCode()).as(accounts.err()).isZero();
        assertThat(table(backend, db)).isEqualTo(stored);

        Cli.Result result = Cli.run(disputes.toString(), "--db", db, "-q");
        assertThat(result.out()).isEqualTo(model(deposits, disputes));
    }

    private Path importInto(String db, String name, String csv) throws Exception {
        Path file = Files.writeString(work.resolve(name), csv);
        Cli.Result result = Cli.run(file.toString(), "--db", db, "-q");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return file;
    }

    private static String model(Path... files) throws Exception {
        ReferenceLedger model = new ReferenceLedger();
        for (Path file : files) {
            model.importSource(file.toString(), Files.readAllBytes(file));
        }
        return model.accountsCsv();
    }

    private static long latestSnapshot(Backend backend, String db) throws Exception {
        try (Connection connection = DriverManager.getConnection(backend.jdbcUrl(db));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(sequenceNumber), -1) FROM SnapshotEventEntry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> table(Backend backend, String db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(backend.jdbcUrl(db));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT tx, client, amount, dispute_state FROM tx_reservation ORDER BY tx")) {
            while (result.next()) {
                rows.add(result.getLong(1) + "," + result.getObject(2) + "," + result.getObject(3) + ","
                        + result.getObject(4));
            }
        }
        assertThat(rows).hasSize(7);
        return rows;
    }

    private static void update(Backend backend, String db, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(backend.jdbcUrl(db));
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }
}
