package io.payonator.ops.importer;

import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.RowOrigin;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.command.DepositFunds;
import io.payonator.api.command.ImportPart;
import io.payonator.api.command.WithdrawFunds;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.query.AccountBalance;
import io.payonator.ops.ledger.Ledger;
import io.payonator.ops.ledger.LedgerQueries;
import io.payonator.ops.ledger.ProjectionCatchUp;
import io.payonator.ops.ledger.sqlite.SqliteLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The owner's side of an import through a cluster, on a real ledger: a part is stored with its
 * clients' marks, and the same part sent again (its answer lost) or overlapping a stored one
 * applies none of the rows stored before.
 */
class ImportPartStoreTest {

    private static final String SOURCE = "rows.csv";
    private static final String CONTENT = "c0ffee";

    @TempDir
    Path work;

    @Test
    void aPartSentAgainAppliesNothingTwice() throws Exception {
        ImportPart first = part(List.of(
                        new DepositFunds(1, 1, Money.parse("10.0"), false, at(2)),
                        new DepositFunds(2, 2, Money.parse("5.0"), false, at(3)),
                        new WithdrawFunds(1, 3, Money.parse("1.5"), false, at(4))),
                List.of(new ImportPart.Malformed(2, new RowMalformed(at(5), RejectionReason.INVALID_AMOUNT, "-1"))),
                List.of(mark(1, 4), mark(2, 5)));
        // sent again with the client's next rows: only those are new
        ImportPart overlapping = part(List.of(
                        new WithdrawFunds(1, 3, Money.parse("1.5"), false, at(4)),
                        new DepositFunds(1, 6, Money.parse("0.5"), false, at(6))),
                List.of(), List.of(mark(1, 6)));

        try (Ledger ledger = Ledger.open(SqliteLocation.of(work.resolve("ledger.db")))) {
            ImportPartStore store = ledger.get(ImportPartStore.class);
            assertThat(store.store(first).stored()).isTrue();
            assertThat(store.store(first).stored()).isTrue();
            assertThat(store.store(overlapping).stored()).isTrue();

            ledger.get(ProjectionCatchUp.class).await(Duration.ofMinutes(1));
            List<AccountBalance> accounts = ledger.get(LedgerQueries.class).accounts();
            assertThat(accounts).extracting(AccountBalance::client, account -> account.total().units())
                    .containsExactly(tuple(1, 90_000L), tuple(2, 50_000L));
            assertThat(ledger.get(ImportProgress.class).clientMarks(CONTENT)).isEqualTo(Map.of(1, 6L, 2, 5L));
            long[] rejected = {0};
            ledger.get(LedgerQueries.class).forEachRejectedRow(row -> rejected[0]++);
            assertThat(rejected[0]).as("the malformed row, once").isEqualTo(1);
        }
    }

    private static ImportPart part(List<ClientCommand> rows,
                                   List<ImportPart.Malformed> malformed, List<ImportPart.ClientMark> marks) {
        return new ImportPart(rows.isEmpty() ? 1 : rows.get(0).client(), rows.stream().map(ImportPart.Row::of).toList(),
                malformed, marks);
    }

    private static ImportPart.ClientMark mark(int client, long line) {
        return new ImportPart.ClientMark(SOURCE, CONTENT, client, line);
    }

    private static RowOrigin at(long line) {
        return new RowOrigin(SOURCE, line);
    }
}
