package io.payonator.query;

import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.TransactionType;
import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.AccountFilter;
import io.payonator.api.query.AccountsPage;
import io.payonator.api.query.FindAccounts;
import io.payonator.api.query.FindLedgerTotals;
import io.payonator.api.query.FindRejections;
import io.payonator.api.query.LedgerTotals;
import io.payonator.api.query.Paging;
import io.payonator.api.query.Rejection;
import io.payonator.api.query.RejectionsPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the console's overview queries from the projection's tables: filtered pages of accounts,
 * the ledger's totals, filtered pages of rejected rows. Reads go through {@link ProjectionReads},
 * like {@link LedgerReadModel}'s.
 */
@Component
public class LedgerOverview {

    private static final RowMapper<AccountBalance> ACCOUNT = (rs, row) -> new AccountBalance(rs.getInt("client"),
            new Money(rs.getLong("available")), new Money(rs.getLong("held")), new Money(rs.getLong("total")),
            rs.getBoolean("locked"));
    private static final RowMapper<Rejection> REJECTION = (rs, row) -> {
        int client = rs.getInt("client");
        Integer clientOrNull = rs.wasNull() ? null : client;
        long tx = rs.getLong("tx");
        Long txOrNull = rs.wasNull() ? null : tx;
        long amount = rs.getLong("amount");
        Money amountOrNull = rs.wasNull() ? null : new Money(amount);
        String type = rs.getString("type");
        return new Rejection(rs.getLong("id"), rs.getString("source"), rs.getLong("line"), clientOrNull,
                type == null ? null : TransactionType.fromCode(type).orElse(null), txOrNull, amountOrNull,
                RejectionReason.fromCode(rs.getString("reason")), rs.getString("detail"));
    };

    private final ProjectionReads reads;

    LedgerOverview(ProjectionReads reads) {
        this.reads = reads;
    }

    @QueryHandler
    AccountsPage handle(FindAccounts query) {
        List<Object> arguments = new ArrayList<>();
        String where = " WHERE " + condition(query.filter());
        if (query.client() != null) {
            where += " AND client >= ?";
            arguments.add(query.client());
        }
        String matching = where;
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(query.size());
        pageArguments.add(Paging.offset(query.page(), query.size()));
        return reads.read(jdbc -> new AccountsPage(
                jdbc.query("SELECT client, available, held, total, locked FROM account_balance" + matching
                        + " ORDER BY client LIMIT ? OFFSET ?", ACCOUNT, pageArguments.toArray()),
                query.page(), query.size(),
                count(jdbc, "SELECT count(*) FROM account_balance" + matching, arguments.toArray())));
    }

    private static String condition(AccountFilter filter) {
        return switch (filter) {
            case ALL -> "1 = 1";
            case LOCKED -> "locked = TRUE";
            case NEGATIVE_AVAILABLE -> "available < 0";
            case HOLDING_FUNDS -> "held > 0";
        };
    }

    /**
     * Summed in Java, exactly: SQLite's SUM fails on a 64-bit overflow, and at most 65,536 rows are
     * read.
     */
    @QueryHandler
    LedgerTotals handle(FindLedgerTotals query) {
        return reads.read(jdbc -> {
            BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
            long[] counts = new long[2];
            jdbc.query("SELECT available, held, total, locked FROM account_balance", rs -> {
                sums[0] = sums[0].add(BigInteger.valueOf(rs.getLong("available")));
                sums[1] = sums[1].add(BigInteger.valueOf(rs.getLong("held")));
                sums[2] = sums[2].add(BigInteger.valueOf(rs.getLong("total")));
                counts[0]++;
                counts[1] += rs.getBoolean("locked") ? 1 : 0;
            });
            return new LedgerTotals(counts[0], counts[1], decimal(sums[0]), decimal(sums[1]), decimal(sums[2]));
        });
    }

    private static BigDecimal decimal(BigInteger units) {
        return new BigDecimal(units, Money.SCALE);
    }

    @QueryHandler
    RejectionsPage handle(FindRejections query) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.reason() != null) {
            where.append(" AND reason = ?");
            arguments.add(query.reason().code());
        }
        if (query.source() != null) {
            // the service shows a file by its name only; the import stored the path it was given
            where.append(" AND (source = ? OR source LIKE ? ESCAPE '!')");
            arguments.add(query.source());
            arguments.add("%/" + query.source().replace("!", "!!").replace("%", "!%").replace("_", "!_"));
        }
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(query.size());
        pageArguments.add(Paging.offset(query.page(), query.size()));
        return reads.read(jdbc -> new RejectionsPage(
                jdbc.query("SELECT id, source, line, client, type, tx, amount, reason, detail FROM rejected_row"
                        + where + " ORDER BY id LIMIT ? OFFSET ?", REJECTION, pageArguments.toArray()),
                query.page(), query.size(),
                count(jdbc, "SELECT count(*) FROM rejected_row" + where, arguments.toArray())));
    }

    private static long count(JdbcOperations jdbc, String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
