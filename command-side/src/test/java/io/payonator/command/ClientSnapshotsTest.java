package io.payonator.command;

import io.payonator.api.command.ApplyTransactions;
import io.payonator.api.command.ChargeBackDeposit;
import io.payonator.api.command.DepositFunds;
import io.payonator.api.event.ChargedBack;
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

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** What the event store stored with {@link #fromEvents()}'s events. */
    private static StoredDeposits stored() {
        Map<Long, StoredDeposits.Deposit> deposits = Map.of(
                1L, new StoredDeposits.Deposit(m("5"), DepositState.UNDISPUTED),
                2L, new StoredDeposits.Deposit(m("3"), DepositState.DISPUTED));
        return (client, tx) -> client == CLIENT ? Optional.ofNullable(deposits.get(tx)) : Optional.empty();
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
    void anUndisputedDepositMadeBeforeTheSnapshotCanBeDisputedAndChargedBack() {
        fixture().givenState(ClientSnapshotsTest::restored)
                .when(new ApplyTransactions(CLIENT, List.of(new DisputeDeposit(CLIENT, 1, ORIGIN),
                        new ChargeBackDeposit(CLIENT, 1, ORIGIN), new DisputeDeposit(CLIENT, 1, ORIGIN))))
                .expectEvents(new Disputed(CLIENT, 1, m("5"), ORIGIN), new ChargedBack(CLIENT, 1, m("5"), ORIGIN),
                        rejected(TransactionType.DISPUTE, 1, null, RejectionReason.ACCOUNT_LOCKED));
    }

    @Test
    void aTxThatIsNoDepositOfThisClientStaysUnknown() {
        fixture().givenState(ClientSnapshotsTest::restored)
                .when(new DisputeDeposit(CLIENT, 3, ORIGIN))
                .expectEvents(rejected(TransactionType.DISPUTE, 3, null, RejectionReason.UNKNOWN_TX));
    }

    @Test
    void aDepositTouchedAfterTheSnapshotIsDecidedFromTheEventsNotTheStoredState() {
        Client client = restored();
        client.on(new Resolved(CLIENT, 2, m("3")));

        fixture().givenState(() -> client)
                .when(new ResolveDispute(CLIENT, 2, ORIGIN))
                .expectEvents(rejected(TransactionType.RESOLVE, 2, null, RejectionReason.NOT_DISPUTED));
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
    void aSnapshotIsTheSameFewBytesHoweverManyDepositsTheClientMade() {
        Client client = new Client();
        client.on(new AccountOpened(CLIENT));
        int small = ClientSnapshots.encode(client).length;
        for (long tx = 1; tx <= 100_000; tx++) {
            client.on(new Deposited(CLIENT, tx, m("1")));
        }

        assertThat(ClientSnapshots.encode(client)).hasSize(small).hasSizeLessThan(40);
    }

    @Test
    void aLockedAccountStaysLocked() {
        Client client = fromEvents();
        client.on(new ChargedBack(CLIENT, 2, m("3")));
        Client again = (Client) ClientSnapshots.decode(ClientSnapshots.encode(client));

        fixture().givenState(() -> again)
                .when(new DepositFunds(CLIENT, 5, m("1"), false, ORIGIN))
                .expectEvents(rejected(TransactionType.DEPOSIT, 5, m("1"), RejectionReason.ACCOUNT_LOCKED));
    }

    @Test
    void onlyThisVersionsLayoutIsReadable() {
        assertThat(ClientSnapshots.readable(ClientSnapshots.encode(fromEvents()))).isTrue();
        assertThat(ClientSnapshots.readable(new byte[]{1, 0, 1, '7'})).isFalse();
        assertThat(ClientSnapshots.readable(new byte[]{2, 0, 1, '7'})).as("version 2, with the deposits").isFalse();
        assertThat(ClientSnapshots.readable(new byte[0])).isFalse();
    }

    @Test
    void bytesOfAnotherFormatAreRefused() {
        assertThatThrownBy(() -> ClientSnapshots.decode(new byte[]{9, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
    }

    private static AggregateTestFixture<Client> fixture() {
        AggregateTestFixture<Client> fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(stored());
        return fixture;
    }

    private static TransactionRejected rejected(TransactionType type, long tx, Money amount, RejectionReason reason) {
        return new TransactionRejected(CLIENT, type, tx, amount, reason, ORIGIN);
    }

    private static Money m(String amount) {
        return Money.parse(amount);
    }
}
