package io.payonator.ops.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The man pages Maven builds (package phase) from the command model: one per command, readable by man. */
class ManPageIT {

    private static final Path MAN = Path.of("target", "man");

    @Test
    void everyCommandHasAManPageInTroff() throws IOException {
        for (String page : new String[]{"payonator", "payonator-accounts", "payonator-replay", "payonator-serve",
                "payonator-generate", "payonator-bench", "payonator-completion"}) {
            Path file = MAN.resolve(page + ".1");
            assertThat(file).as(page).exists();
            assertThat(Files.readString(file)).as(page).contains(".TH \"" + page.toUpperCase().replace("-", "\\-") + "\" \"1\"");
        }
        assertThat(Files.readString(MAN.resolve("payonator.1"))).contains("\\-\\-rejects", "\\-\\-quiet",
                "\\-\\-output", ".SH \"EXIT CODES:\"", "130, 143");
    }

    @Test
    void manFormatsTheMainPage() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "no man on this machine");
        Process man = new ProcessBuilder("man", "-l", MAN.resolve("payonator.1").toString())
                .redirectErrorStream(true).start();
        String text = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(man.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(man.exitValue()).as(text).isZero();
        assertThat(text).contains("NAME", "payonator - Imports transaction CSVs into a ledger", "SYNOPSIS",
                "--rejects=FILE", "EXIT CODES");
    }
}
