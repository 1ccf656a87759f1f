package io.payonator.ops.web;

import io.payonator.ops.ledger.sqlite.SqliteLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service leaves on disk: a new ledger, its write-ahead log, shared memory and lock are
 * readable by their owner only; the web server's folder is the service's own and is gone once it stops.
 */
class ServiceFilesTest {

    @Test
    void aNewLedgersFilesAreOwnerOnlyAndTheWebServersFolderGoesAtStop(@TempDir Path work) throws IOException {
        Path db = work.resolve("ledger.db");
        Path webFolder;
        try (LedgerService service = LedgerService.start(new LedgerService.Settings(SqliteLocation.of(db), 0, "127.0.0.1", "t"))) {
            Http.Response written = new Http(service.uri()).post("/transactions", "application/json",
                    "{\"type\":\"deposit\",\"client\":1,\"tx\":1,\"amount\":\"1\"}", "Bearer t");
            assertThat(written.status()).as(written.body()).isEqualTo(200);
            webFolder = Path.of(service.ledger().context().getEnvironment().getProperty("server.tomcat.basedir"));

            for (String suffix : new String[]{"", "-wal", "-shm", ".lock"}) {
                Path file = Path.of(db + suffix);
                assertThat(file).as(file.toString()).exists();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
            assertThat(webFolder).isDirectory();
            assertThat(webFolder.getFileName().toString()).startsWith("payonator-serve-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(webFolder))).isEqualTo("rwx------");
        }
        assertThat(webFolder).doesNotExist();
    }
}
