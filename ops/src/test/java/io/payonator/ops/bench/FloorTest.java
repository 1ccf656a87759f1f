package io.payonator.ops.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The floor of {@code bench}: it parses the whole input and inserts the events into Axon's event table. */
class FloorTest {

    @Test
    void parsesEveryRowAndInsertsTheEvents(@TempDir Path work) throws Exception {
        Path input = Files.writeString(work.resolve("input.csv"),
                "type,client,tx,amount\ndeposit,1,1,2.5\nwithdrawal,1,2,1\ndispute,1,1\n");

        Floor.Result result = Floor.measure(input, 1_000, 24, work.resolve("floor.db"));

        assertThat(result.rows()).isEqualTo(3);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("floor.db"));
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(1_000);
        }
    }
}
