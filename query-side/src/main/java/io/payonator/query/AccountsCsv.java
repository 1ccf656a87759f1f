package io.payonator.query;

import io.payonator.api.query.AccountBalance;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The accounts report of SPEC.md: header, then one row per account, ascending client, four decimals. */
public final class AccountsCsv {

    public static final String HEADER = "client,available,held,total,locked";

    private AccountsCsv() {
    }

    public static void write(List<AccountBalance> accounts, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (AccountBalance account : accounts) {
            out.write(Integer.toString(account.client()));
            out.write(',');
            out.write(account.available().toString());
            out.write(',');
            out.write(account.held().toString());
            out.write(',');
            out.write(account.total().toString());
            out.write(',');
            out.write(account.locked() ? "true" : "false");
            out.write('\n');
        }
    }
}
