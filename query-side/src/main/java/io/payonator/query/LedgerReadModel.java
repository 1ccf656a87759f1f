package io.payonator.query;

import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.AccountsPage;
import io.payonator.api.query.ClientHistory;
import io.payonator.api.DisputeState;
import io.payonator.api.query.FindAccount;
import io.payonator.api.query.FindAccountsPage;
import io.payonator.api.query.FindClientHistory;
import io.payonator.api.query.FindTransaction;
import io.payonator.api.Money;
import io.payonator.api.query.Paging;
import io.payonator.api.query.RejectedTransaction;
import io.payonator.api.RejectionReason;
import io.payonator.api.TransactionType;
import io.payonator.api.query.TransactionView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Answers the service's queries from the projection's tables: accounts by page, one account, one
 * transaction, one client's history. Reads go through {@link ProjectionReads}, never through the
 * projection's own connection, so a busy projection does not hold them up.
 */
@Component
public class LedgerReadModel {

    private static final String ACCOUNT_COLUMNS = "client, available, held, total, locked";
    private static final String TRANSACTION_COLUMNS = "tx, client, type, amount, state";

    private static final RowMapper<AccountBalance> ACCOUNT = (rs, row) -> new AccountBalance(rs.getInt("client"),
            new Money(rs.getLong("available")), new Money(rs.getLong("held")), new Money(rs.getLong("total")),
            rs.getBoolean("locked"));
    private static final RowMapper<TransactionView> TRANSACTION = (rs, row) -> new TransactionView(rs.getLong("tx"),
            rs.getInt("client"), type(rs.getString("type")), new Money(rs.getLong("amount")),
            DisputeState.fromCode(rs.getString("state")));
    private static final RowMapper<RejectedTransaction> REJECTED = (rs, row) -> new RejectedTransaction(
            rs.getString("source"), rs.getLong("line"), type(rs.getString("type")), rs.getLong("tx"),
            amountOrNull(rs), RejectionReason.fromCode(rs.getString("reason")));

    private final ProjectionReads reads;

    LedgerReadModel(ProjectionReads reads) {
        this.reads = reads;
    }

    @QueryHandler
    Optional<AccountBalance> handle(FindAccount query) {
        return reads.read(jdbc -> account(jdbc, query.client()));
    }

    @QueryHandler
    AccountsPage handle(FindAccountsPage query) {
        return reads.read(jdbc -> new AccountsPage(
                jdbc.query("SELECT " + ACCOUNT_COLUMNS + " FROM account_balance ORDER BY client LIMIT ? OFFSET ?",
                        ACCOUNT, query.size(), Paging.offset(query.page(), query.size())),
                query.page(), query.size(), count(jdbc, "SELECT count(*) FROM account_balance")));
    }

    @QueryHandler
    Optional<TransactionView> handle(FindTransaction query) {
        return reads.read(jdbc -> jdbc.query("SELECT " + TRANSACTION_COLUMNS + " FROM ledger_transaction WHERE tx = ?",
                TRANSACTION, query.tx()).stream().findFirst());
    }

    @QueryHandler
    Optional<ClientHistory> handle(FindClientHistory query) {
        return reads.read(jdbc -> account(jdbc, query.client()).map(account -> history(jdbc, query)));
    }

    private static ClientHistory history(JdbcOperations jdbc, FindClientHistory query) {
        long offset = Paging.offset(query.page(), query.size());
        List<TransactionView> transactions = jdbc.query("SELECT " + TRANSACTION_COLUMNS
                        + " FROM ledger_transaction WHERE client = ? ORDER BY position LIMIT ? OFFSET ?",
                TRANSACTION, query.client(), query.size(), offset);
        List<RejectedTransaction> rejected = jdbc.query("SELECT source, line, type, tx, amount, reason"
                        + " FROM rejected_row WHERE client = ? ORDER BY id LIMIT ? OFFSET ?",
                REJECTED, query.client(), query.size(), offset);
        return new ClientHistory(query.client(), query.page(), query.size(),
                count(jdbc, "SELECT count(*) FROM ledger_transaction WHERE client = ?", query.client()), transactions,
                count(jdbc, "SELECT count(*) FROM rejected_row WHERE client = ?", query.client()), rejected);
    }

    private static Optional<AccountBalance> account(JdbcOperations jdbc, int client) {
        return jdbc.query("SELECT " + ACCOUNT_COLUMNS + " FROM account_balance WHERE client = ?", ACCOUNT, client)
                .stream().findFirst();
    }

    private static long count(JdbcOperations jdbc, String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private static TransactionType type(String code) {
        return TransactionType.fromCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown transaction type in the query tables: " + code));
    }

    /** sqlite-jdbc cannot read a NULL as a {@code Long} object: read the primitive, then ask. */
    private static Money amountOrNull(ResultSet rs) throws SQLException {
        long units = rs.getLong("amount");
        return rs.wasNull() ? null : new Money(units);
    }
}
