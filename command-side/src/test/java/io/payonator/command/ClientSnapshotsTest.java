package io.payonator.command;

import io.payonator.api.event.AccountOpened;
import io.payonator.api.event.Deposited;
import io.payonator.api.command.DisputeDeposit;
import io.payonator.api.event.Disputed;
import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.command.ResolveDispute;
import io.payonator.api.event.Resolved;
import io.payonator.api.RowOrigin;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.TransactionType;
import io.payonator.api.command.WithdrawFunds;
import io.payonator.api.event.Withdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client restored from its snapshot decides every row as the client rebuilt from its events would. */
class ClientSnapshotsTest {

    private static final int CLIENT = 7;
    private static final RowOrigin ORIGIN = new RowOrigin("test.csv", 9);

    /** Deposits 1 (5.0) and 2 (3.0), 2 under dispute, then a withdrawal of 1.0: available 4, held 3. */
    private static Client fromEvents() {
        Client client = new Client();
        client.on(new AccountOpened(CLIENT));
        client.on(new Deposited(CLIENT, 1, m("5")));
        client.on(new Deposited(CLIENT, 2, m("3")));
        client.on(new Disputed(CLIENT, 2, m("3")));
        client.on(new Withdrawn(CLIENT, 3, m("1")));
        return client;
    }

    private static Client restored() {
        return (Client) ClientSnapshots.decode(ClientSnapshots.encode(fromEvents()));
    }

    @Test
    void theDisputedDepositIsStillUnderDisputeAndResolvable() {
        fixture().givenState(ClientSnapshotsTest::restored)
                .when(new ResolveDispute(CLIENT, 2, ORIGIN))
                .expectEvents(new Resolved(CLIENT, 2, m("3"), ORIGIN));
        fixture().givenState(ClientSnapshotsTest::restored)
                .when(new DisputeDeposit(CLIENT, 2, ORIGIN))
                .expectEvents(rejected(TransactionType.DISPUTE, 2, null, RejectionReason.ALREADY_DISPUTED));
    }

    @Test
    void theBalancesAreKeptToTheLastUnit() {
        fixture().givenState(ClientSnapshotsTest::restored)
                .when(new WithdrawFunds(CLIENT, 4, m("4.0001"), false, ORIGIN))
                .expectEvents(rejected(TransactionType.WITHDRAWAL, 4, m("4.0001"), RejectionReason.INSUFFICIENT_FUNDS));
        fixture().givenState(ClientSnapshotsTest::restored)
                .when(new WithdrawFunds(CLIENT, 4, m("4"), false, ORIGIN))
                .expectEvents(new Withdrawn(CLIENT, 4, m("4"), ORIGIN));
    }

    @Test
    void aSnapshotOfManyDepositsRestoresEveryOne() {
        Client client = new Client();
        client.on(new AccountOpened(CLIENT));
        for (long tx = 1; tx <= 100_000; tx++) {
            client.on(new Deposited(CLIENT, tx, m("1")));
        }
        byte[] snapshot = ClientSnapshots.encode(client);

        Client again = (Client) ClientSnapshots.decode(snapshot);

        assertThat(ClientSnapshots.encode(again)).hasSameSizeAs(snapshot);
        fixture().givenState(() -> again)
                .when(new DisputeDeposit(CLIENT, 99_999, ORIGIN))
                .expectEvents(new Disputed(CLIENT, 99_999, m("1"), ORIGIN));
    }

    @Test
    void onlyThisVersionsLayoutIsReadable() {
        assertThat(ClientSnapshots.readable(ClientSnapshots.encode(fromEvents()))).isTrue();
        assertThat(ClientSnapshots.readable(new byte[]{1, 0, 1, '7'})).isFalse();
        assertThat(ClientSnapshots.readable(new byte[0])).isFalse();
    }

    @Test
    void bytesOfAnotherFormatAreRefused() {
        assertThatThrownBy(() -> ClientSnapshots.decode(new byte[]{9, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
    }

    private static AggregateTestFixture<Client> fixture() {
        return new AggregateTestFixture<>(Client.class);
    }

    private static TransactionRejected rejected(TransactionType type, long tx, Money amount, RejectionReason reason) {
        return new TransactionRejected(CLIENT, type, tx, amount, reason, ORIGIN);
    }

    private static Money m(String amount) {
        return Money.parse(amount);
    }
}
