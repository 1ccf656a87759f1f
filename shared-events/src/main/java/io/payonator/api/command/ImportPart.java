package io.payonator.api.command;

import io.payonator.api.Money;
import io.payonator.api.RowOrigin;
import io.payonator.api.TransactionType;
import io.payonator.api.event.RowMalformed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one chunk of an import through a cluster that belong to the clients one node owns:
 * that node decides them with the {@code Client} aggregate and stores them, with the marks saying
 * how far each of these clients' rows of each source now reach, in one transaction. The rows were
 * admitted by the importer in input order (the tx-id reservation travels in each row), so the
 * owner decides exactly what a plain import would.
 *
 * @param client    the client the part is routed by: one of its clients
 * @param rows      the well-formed rows, each client's in input order
 * @param malformed malformed rows that name a valid client: stored with that client's marks
 * @param marks     per source and client, the last line of that client's rows in this part
 */
public record ImportPart(int client, List<Row> rows, List<Malformed> malformed, List<ClientMark> marks) {

    /** One well-formed row in a form that travels between nodes whatever the command's type. */
    public record Row(TransactionType type, int client, long tx, Long amountUnits, boolean txIdSeenBefore, RowOrigin origin) {

        public static Row of(ClientCommand command) {
            Long units = command.amount() == null ? null : command.amount().units();
            boolean seenBefore = command instanceof DepositFunds deposit ? deposit.txIdSeenBefore()
                    : command instanceof WithdrawFunds withdrawal && withdrawal.txIdSeenBefore();
            return new Row(command.type(), command.client(), command.tx(), units, seenBefore, command.origin());
        }

        public ClientCommand command() {
            return switch (type) {
                case DEPOSIT -> new DepositFunds(client, tx, new Money(amountUnits), txIdSeenBefore, origin);
                case WITHDRAWAL -> new WithdrawFunds(client, tx, new Money(amountUnits), txIdSeenBefore, origin);
                case DISPUTE -> new DisputeDeposit(client, tx, origin);
                case RESOLVE -> new ResolveDispute(client, tx, origin);
                case CHARGEBACK -> new ChargeBackDeposit(client, tx, origin);
            };
        }
    }

    /** A malformed row whose client field names a valid client: it is stored with that client's rows. */
    public record Malformed(int client, RowMalformed row) {
    }

    /**
     * Every row of {@code client} in {@code source} (the file of content {@code contentId}) up to
     * {@code linesDone} is stored once this part is.
     */
    public record ClientMark(String source, String contentId, int client, long linesDone) {
    }

    /** What the owner answers: stored; or not stored, and whether the same part may simply be sent again later. */
    public record Outcome(boolean stored, boolean retry, String problem) {

        public static final Outcome STORED = new Outcome(true, false, null);

        public static Outcome retryLater(String why) {
            return new Outcome(false, true, why);
        }

        public static Outcome failed(String why) {
            return new Outcome(false, false, why);
        }
    }

    public ImportPart {
        rows = List.copyOf(rows);
        malformed = List.copyOf(malformed);
        marks = List.copyOf(marks);
    }

    /** The rows as the aggregate takes them: one batch per client, each in input order. */
    public List<ApplyTransactions> batches() {
        Map<Integer, List<ClientCommand>> byClient = new LinkedHashMap<>();
        for (Row row : rows) {
            byClient.computeIfAbsent(row.client(), c -> new ArrayList<>()).add(row.command());
        }
        List<ApplyTransactions> batches = new ArrayList<>(byClient.size());
        byClient.forEach((owner, commands) -> batches.add(new ApplyTransactions(owner, commands)));
        return batches;
    }
}
