package io.payonator.command;

import io.payonator.api.event.AccountOpened;
import io.payonator.api.command.ApplyTransactions;
import io.payonator.api.command.ChargeBackDeposit;
import io.payonator.api.event.ChargedBack;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.command.DepositFunds;
import io.payonator.api.event.Deposited;
import io.payonator.api.command.DisputeDeposit;
import io.payonator.api.event.Disputed;
import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.command.ResolveDispute;
import io.payonator.api.event.Resolved;
import io.payonator.api.RowOrigin;
import io.payonator.api.command.TransactionOutcome;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.command.WithdrawFunds;
import io.payonator.api.event.Withdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static io.payonator.api.RejectionReason.ACCOUNT_LOCKED;
import static io.payonator.api.RejectionReason.ALREADY_DISPUTED;
import static io.payonator.api.RejectionReason.DUPLICATE_TX;
import static io.payonator.api.RejectionReason.INSUFFICIENT_FUNDS;
import static io.payonator.api.RejectionReason.NEGATIVE_TOTAL;
import static io.payonator.api.RejectionReason.NOT_DISPUTED;
import static io.payonator.api.RejectionReason.OVERFLOW;
import static io.payonator.api.RejectionReason.UNKNOWN_TX;

/** Every ledger rule of SPEC.md ("Outcomes, in the order they are checked"), on the aggregate alone. */
class ClientTest {

    private static final int CLIENT = 7;
    private static final RowOrigin ORIGIN = new RowOrigin("test.csv", 42);
    private static final Money MAX = new Money(Long.MAX_VALUE);

    private AggregateTestFixture<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(StoredDeposits.NONE);
    }

    // --- commands and events, briefly -------------------------------------------------------

    private static Money m(String amount) {
        return Money.parse(amount);
    }

    private static DepositFunds deposit(long tx, String amount) {
        return new DepositFunds(CLIENT, tx, m(amount), false, ORIGIN);
    }

    private static DepositFunds duplicateDeposit(long tx, String amount) {
        return new DepositFunds(CLIENT, tx, m(amount), true, ORIGIN);
    }

    private static WithdrawFunds withdrawal(long tx, String amount) {
        return new WithdrawFunds(CLIENT, tx, m(amount), false, ORIGIN);
    }

    private static DisputeDeposit dispute(long tx) {
        return new DisputeDeposit(CLIENT, tx, ORIGIN);
    }

    private static ResolveDispute resolve(long tx) {
        return new ResolveDispute(CLIENT, tx, ORIGIN);
    }

    private static ChargeBackDeposit chargeback(long tx) {
        return new ChargeBackDeposit(CLIENT, tx, ORIGIN);
    }

    private static AccountOpened opened() {
        return new AccountOpened(CLIENT);
    }

    private static Deposited deposited(long tx, String amount) {
        return new Deposited(CLIENT, tx, m(amount), ORIGIN);
    }

    private static Withdrawn withdrawn(long tx, String amount) {
        return new Withdrawn(CLIENT, tx, m(amount), ORIGIN);
    }

    private static Disputed disputed(long tx, String amount) {
        return new Disputed(CLIENT, tx, m(amount), ORIGIN);
    }

    private static Resolved resolved(long tx, String amount) {
        return new Resolved(CLIENT, tx, m(amount), ORIGIN);
    }

    private static ChargedBack chargedBack(long tx, String amount) {
        return new ChargedBack(CLIENT, tx, m(amount), ORIGIN);
    }

    private static TransactionRejected rejected(ClientCommand command, RejectionReason reason) {
        return new TransactionRejected(CLIENT, command.type(), command.tx(), command.amount(), reason, ORIGIN);
    }

    private void expectRejected(List<Object> history, ClientCommand command, RejectionReason reason) {
        fixture.given(history).when(command).expectSuccessfulHandlerExecution()
                .expectEvents(rejected(command, reason))
                .expectResultMessagePayload(TransactionOutcome.rejected(reason));
    }

    private void expectAccepted(List<Object> history, ClientCommand command, Object event) {
        fixture.given(history).when(command).expectSuccessfulHandlerExecution().expectEvents(event)
                .expectResultMessagePayload(TransactionOutcome.ACCEPTED);
    }

    // --- SPEC.md step 1: the account exists from the first well-formed row on -----------------

    @Nested
    class AccountExistence {

        @Test
        void firstAcceptedRowOpensTheAccount() {
            fixture.givenNoPriorActivity().when(deposit(1, "1.5"))
                    .expectEvents(opened(), deposited(1, "1.5"))
                    .expectResultMessagePayload(TransactionOutcome.ACCEPTED);
        }

        @Test
        void firstRowOpensTheAccountEvenWhenRejected() {
            WithdrawFunds command = withdrawal(1, "4.0");
            fixture.givenNoPriorActivity().when(command)
                    .expectEvents(opened(), rejected(command, INSUFFICIENT_FUNDS))
                    .expectResultMessagePayload(TransactionOutcome.rejected(INSUFFICIENT_FUNDS));
        }

        @Test
        void firstRowThatIsADuplicateStillOpensTheAccount() {
            DepositFunds command = duplicateDeposit(1, "1");
            fixture.givenNoPriorActivity().when(command)
                    .expectEvents(opened(), rejected(command, DUPLICATE_TX))
                    .expectResultMessagePayload(TransactionOutcome.rejected(DUPLICATE_TX));
        }

        @Test
        void disputeOnNewAccountOpensItAndIsUnknown() {
            DisputeDeposit command = dispute(1);
            fixture.givenNoPriorActivity().when(command)
                    .expectEvents(opened(), rejected(command, UNKNOWN_TX));
        }

        @Test
        void existingAccountIsNotOpenedAgain() {
            expectAccepted(List.of(opened()), deposit(2, "3"), deposited(2, "3"));
        }
    }

    // --- the bulk importer's batch: the same rules, row by row -------------------------------

    @Nested
    class Batch {

        @Test
        void decidesEachRowInOrderAsIfSentAlone() {
            WithdrawFunds tooMuch = withdrawal(2, "20");
            DisputeDeposit unknown = dispute(9);
            fixture.givenNoPriorActivity()
                    .when(new ApplyTransactions(CLIENT, List.of(deposit(1, "10"), tooMuch, dispute(1), unknown,
                            resolve(1), chargeback(1))))
                    .expectEvents(opened(), deposited(1, "10"), rejected(tooMuch, INSUFFICIENT_FUNDS),
                            disputed(1, "10"), rejected(unknown, UNKNOWN_TX), resolved(1, "10"),
                            rejected(chargeback(1), NOT_DISPUTED))
                    // the importer reads the outcomes from the events
                    .expectResultMessagePayload(null);
        }

        @Test
        void aLockInsideTheBatchAppliesToTheRowsAfterIt() {
            fixture.given(opened(), deposited(1, "10"), disputed(1, "10"))
                    .when(new ApplyTransactions(CLIENT, List.of(chargeback(1), deposit(2, "1"))))
                    .expectEvents(chargedBack(1, "10"), rejected(deposit(2, "1"), ACCOUNT_LOCKED));
        }

        @Test
        void refusesRowsOfAnotherClient() {
            DepositFunds otherClient = new DepositFunds(CLIENT + 1, 1, m("1"), false, ORIGIN);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new ApplyTransactions(CLIENT, List.of(deposit(1, "1"), otherClient)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // --- SPEC.md step 2: a reserved tx id makes a deposit or withdrawal a duplicate -----------

    @Nested
    class DuplicateTx {

        @Test
        void depositWithReservedTxIdIsRejected() {
            expectRejected(List.of(opened(), deposited(1, "10")), duplicateDeposit(1, "99"), DUPLICATE_TX);
        }

        @Test
        void withdrawalWithReservedTxIdIsRejected() {
            WithdrawFunds command = new WithdrawFunds(CLIENT, 2, m("1"), true, ORIGIN);
            expectRejected(List.of(opened(), deposited(1, "10")), command, DUPLICATE_TX);
        }

        @Test
        void duplicateIsCheckedBeforeTheLock() {
            expectRejected(lockedAccount(), duplicateDeposit(9, "1"), DUPLICATE_TX);
        }
    }

    // --- SPEC.md step 3: a locked account rejects every type ---------------------------------

    private static List<Object> lockedAccount() {
        return List.of(opened(), deposited(1, "5"), deposited(2, "2"), disputed(2, "2"),
                chargedBack(2, "2"), disputed(1, "5"));
    }

    @Nested
    class LockedAccount {

        @Test
        void rejectsEveryType() {
            Stream.of(deposit(10, "1"), withdrawal(11, "1"), dispute(1), resolve(1), chargeback(1), dispute(2))
                    .forEach(command -> {
                        setUp();
                        expectRejected(lockedAccount(), command, ACCOUNT_LOCKED);
                    });
        }

        @Test
        void chargebackLocksTheAccount() {
            fixture.given(opened(), deposited(1, "5"), disputed(1, "5"))
                    .andGivenCommands(chargeback(1))
                    .when(deposit(2, "1"))
                    .expectEvents(rejected(deposit(2, "1"), ACCOUNT_LOCKED));
        }
    }

    // --- SPEC.md step 4, by type --------------------------------------------------------------

    @Nested
    class Deposit {

        @Test
        void isAccepted() {
            expectAccepted(List.of(opened()), deposit(1, "123.4567"), deposited(1, "123.4567"));
        }

        @Test
        void resultThatDoesNotFitIsOverflow() {
            expectRejected(List.of(opened(), new Deposited(CLIENT, 1, MAX)), deposit(2, "0.0001"), OVERFLOW);
        }

        @Test
        void resultThatExactlyFitsIsAccepted() {
            Money almostMax = new Money(Long.MAX_VALUE - 1);
            expectAccepted(List.of(opened(), new Deposited(CLIENT, 1, almostMax)), deposit(2, "0.0001"),
                    deposited(2, "0.0001"));
        }

        @Test
        void totalIncludingHeldMustFit() {
            // available alone would fit; available + held would not
            Money half = new Money(Long.MAX_VALUE / 2 + 1);
            List<Object> history = List.of(opened(), new Deposited(CLIENT, 1, half), new Disputed(CLIENT, 1, half),
                    new Deposited(CLIENT, 2, new Money(Long.MAX_VALUE / 2 - 1)));
            expectRejected(history, deposit(3, "0.0002"), OVERFLOW);
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void isAcceptedWhenAvailableCoversIt() {
            expectAccepted(List.of(opened(), deposited(1, "10")), withdrawal(2, "4"), withdrawn(2, "4"));
        }

        @Test
        void mayTakeAvailableToExactlyZero() {
            expectAccepted(List.of(opened(), deposited(1, "10")), withdrawal(2, "10"), withdrawn(2, "10"));
        }

        @Test
        void isRejectedWhenAvailableIsShort() {
            expectRejected(List.of(opened(), deposited(1, "10")), withdrawal(2, "10.0001"), INSUFFICIENT_FUNDS);
        }

        @Test
        void heldFundsAreNotAvailable() {
            expectRejected(List.of(opened(), deposited(1, "10"), deposited(2, "5"), disputed(1, "10")),
                    withdrawal(3, "6"), INSUFFICIENT_FUNDS);
        }
    }

    @Nested
    class Dispute {

        @Test
        void movesTheDepositAmountFromAvailableToHeld() {
            expectAccepted(List.of(opened(), deposited(1, "10")), dispute(1), disputed(1, "10"));
        }

        @Test
        void mayTakeAvailableNegative() {
            fixture.given(opened(), deposited(1, "10"), withdrawn(2, "10"))
                    .andGivenCommands(dispute(1))
                    // available is now -10: a withdrawal of any amount must fail
                    .when(withdrawal(3, "0.0001"))
                    .expectEvents(rejected(withdrawal(3, "0.0001"), INSUFFICIENT_FUNDS));
        }

        @Test
        void unknownTxIsRejected() {
            expectRejected(List.of(opened(), deposited(1, "10")), dispute(99), UNKNOWN_TX);
        }

        @Test
        void withdrawalCannotBeDisputed() {
            expectRejected(List.of(opened(), deposited(1, "10"), withdrawn(2, "3")), dispute(2), UNKNOWN_TX);
        }

        @Test
        void anotherClientsDepositIsUnknownHere() {
            // tx 5 is another client's deposit: this account never saw it (end to end: ImportIT)
            expectRejected(List.of(opened(), deposited(1, "10")), dispute(5), UNKNOWN_TX);
        }

        @Test
        void disputeOfDisputedDepositIsAlreadyDisputed() {
            expectRejected(List.of(opened(), deposited(1, "10"), disputed(1, "10")), dispute(1), ALREADY_DISPUTED);
        }

        @Test
        void resolvedDepositMayBeDisputedAgain() {
            expectAccepted(List.of(opened(), deposited(1, "10"), disputed(1, "10"), resolved(1, "10")),
                    dispute(1), disputed(1, "10"));
        }

        @Test
        void chargedBackDepositCannotBeDisputedBecauseTheAccountIsLocked() {
            // charged_back would follow, but the lock (step 3) is checked first and always holds then
            expectRejected(List.of(opened(), deposited(1, "10"), disputed(1, "10"), chargedBack(1, "10")),
                    dispute(1), ACCOUNT_LOCKED);
        }

        @Test
        void heldThatWouldNotFitIsOverflow() {
            List<Object> history = List.of(opened(), new Deposited(CLIENT, 1, MAX), new Withdrawn(CLIENT, 2, MAX),
                    new Deposited(CLIENT, 3, MAX), new Disputed(CLIENT, 1, MAX));
            expectRejected(history, dispute(3), OVERFLOW);
        }
    }

    @Nested
    class Resolve {

        @Test
        void movesHeldBackToAvailable() {
            expectAccepted(List.of(opened(), deposited(1, "10"), disputed(1, "10")), resolve(1), resolved(1, "10"));
        }

        @Test
        void undisputedDepositIsNotDisputed() {
            expectRejected(List.of(opened(), deposited(1, "10")), resolve(1), NOT_DISPUTED);
        }

        @Test
        void secondResolveIsNotDisputed() {
            expectRejected(List.of(opened(), deposited(1, "10"), disputed(1, "10"), resolved(1, "10")),
                    resolve(1), NOT_DISPUTED);
        }

        @Test
        void unknownTxIsRejected() {
            expectRejected(List.of(opened(), deposited(1, "10"), disputed(1, "10")), resolve(2), UNKNOWN_TX);
        }

        @Test
        void withdrawalIsUnknown() {
            expectRejected(List.of(opened(), deposited(1, "10"), withdrawn(2, "1")), resolve(2), UNKNOWN_TX);
        }
    }

    @Nested
    class Chargeback {

        @Test
        void removesHeldAndTotalAndLocks() {
            expectAccepted(List.of(opened(), deposited(1, "10"), disputed(1, "10")), chargeback(1),
                    chargedBack(1, "10"));
        }

        @Test
        void mayTakeTotalToExactlyZero() {
            expectAccepted(List.of(opened(), deposited(1, "10"), withdrawn(2, "10"), deposited(3, "10"),
                    disputed(1, "10")), chargeback(1), chargedBack(1, "10"));
        }

        @Test
        void totalNeverGoesNegative() {
            expectRejected(List.of(opened(), deposited(1, "100"), withdrawn(2, "80"), disputed(1, "100")),
                    chargeback(1), NEGATIVE_TOTAL);
        }

        @Test
        void disputeStaysOpenAfterNegativeTotal() {
            fixture.given(opened(), deposited(1, "100"), withdrawn(2, "80"), disputed(1, "100"))
                    .andGivenCommands(chargeback(1))
                    .when(resolve(1))
                    .expectEvents(resolved(1, "100"));
        }

        @Test
        void undisputedDepositIsNotDisputed() {
            expectRejected(List.of(opened(), deposited(1, "10")), chargeback(1), NOT_DISPUTED);
        }

        @Test
        void resolvedDepositIsNotDisputed() {
            expectRejected(List.of(opened(), deposited(1, "10"), disputed(1, "10"), resolved(1, "10")),
                    chargeback(1), NOT_DISPUTED);
        }

        @Test
        void unknownTxIsRejected() {
            expectRejected(List.of(opened(), deposited(1, "10"), disputed(1, "10")), chargeback(5), UNKNOWN_TX);
        }
    }
}
