package io.payonator.ops.web;

import io.payonator.api.Money;
import io.payonator.api.query.AccountAsOf;
import io.swagger.v3.oas.annotations.media.Schema;

/** An account as of a point: the JSON of one account, and the position it reflects. */
@Schema(description = "The account after exactly the events at positions up to asOf")
record AccountAsOfJson(int client,
                       @Schema(type = "string", example = "1.5000") Money available,
                       @Schema(type = "string", example = "0.0000") Money held,
                       @Schema(type = "string", example = "1.5000") Money total,
                       boolean locked,
                       @Schema(description = "The position this balance reflects: the one asked for, the ledger's"
                               + " head if that was further, or for a time the last position recorded at or before"
                               + " it") long asOf) {

    static AccountAsOfJson of(AccountAsOf account) {
        return new AccountAsOfJson(account.balance().client(), account.balance().available(),
                account.balance().held(), account.balance().total(), account.balance().locked(), account.asOf());
    }
}
