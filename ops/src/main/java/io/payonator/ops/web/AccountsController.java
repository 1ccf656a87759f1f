package io.payonator.ops.web;

import io.payonator.api.query.AccountAsOf;
import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.AccountsPage;
import io.payonator.api.query.ClientHistory;
import io.payonator.api.query.ClientRows;
import io.payonator.api.query.FindAccountAsOf;
import io.payonator.api.query.FindClientRows;
import io.payonator.api.query.Point;
import io.payonator.api.query.FindAccount;
import io.payonator.api.query.FindAccountsPage;
import io.payonator.api.query.FindClientHistory;
import io.payonator.api.query.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Balances and per-client history, read from the projection's tables: the read role, or anyone
 * with {@code serve --open-reads}. Numbers in the path and query are read as text by {@link Problems}.
 */
@RestController
@Tag(name = "accounts", description = "Balances and history, from the balance projection")
class AccountsController {

    /** A client's history has no bound; a page of it does. */
    private static final String HISTORY_PAGE = "100";

    private final LedgerQueryGateway queries;

    AccountsController(LedgerQueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "All accounts, ascending client id, a page at a time",
            description = "JSON by default. With Accept: text/csv, the accounts CSV of SPEC.md: without page or size,"
                    + " byte for byte what the command line prints. The default page holds every account (at most"
                    + " 65,536).")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountsPage.class)),
            @Content(mediaType = AccountsCsvConverter.TEXT_CSV_VALUE, schema = @Schema(type = "string",
                    example = "client,available,held,total,locked\n1,1.5000,0.0000,1.5000,false\n"))})
    @ApiResponse(responseCode = "400", description = "page or size out of range, or not a number",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/accounts", produces = {MediaType.APPLICATION_JSON_VALUE, AccountsCsvConverter.TEXT_CSV_VALUE})
    AccountsPage accounts(@RequestParam(defaultValue = "0") String page,
                          @RequestParam(defaultValue = "" + Paging.MAX_SIZE) String size) {
        return queries.ask(new FindAccountsPage(Problems.page(page), Problems.size(size)),
                ResponseTypes.instanceOf(AccountsPage.class));
    }

    @Operation(summary = "One account",
            description = "Amounts are exact decimal strings with four places, as in the CSV.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "The client id is not plain digits in 0..65535",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No account for this client",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/accounts/{client}", produces = MediaType.APPLICATION_JSON_VALUE)
    AccountBalance account(@PathVariable("client") String clientId) {
        int client = Problems.client(clientId);
        return queries.ask(new FindAccount(client), ResponseTypes.optionalInstanceOf(AccountBalance.class))
                .orElseThrow(() -> noAccount(client));
    }

    @Operation(summary = "A client's deposits and withdrawals, and its rejected rows",
            description = "Both lists in ledger order; page and size (default 100) apply to each. A deposit's state"
                    + " is none, disputed, resolved or charged_back; a withdrawal's is none.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "The client id is not a number in 0..65535, or page or size"
            + " out of range", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No account for this client",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/accounts/{client}/transactions", produces = MediaType.APPLICATION_JSON_VALUE)
    ClientHistoryJson history(@PathVariable("client") String clientId, @RequestParam(defaultValue = "0") String page,
                              @RequestParam(defaultValue = HISTORY_PAGE) String size) {
        int client = Problems.client(clientId);
        FindClientHistory query = new FindClientHistory(client, Problems.page(page), Problems.size(size));
        return queries.ask(query, ResponseTypes.optionalInstanceOf(ClientHistory.class))
                .map(ClientHistoryJson::of)
                .orElseThrow(() -> noAccount(client));
    }

    @Operation(summary = "One account as of a point in its history",
            description = "A point is a position in the event store (its global sequence, from 1; a row is at the"
                    + " position of its outcome event), or an ISO-8601 instant, which stands for the last position"
                    + " recorded at or before it. The balance is the one after exactly the events at positions up to"
                    + " the point, rebuilt from them; asOf says which position that is. A position beyond the"
                    + " ledger's head is answered as of the head. A position once answered keeps its meaning: no"
                    + " event is ever written at or below it later.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "The client id or the point cannot be read",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No account for this client at that point",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/accounts/{client}", params = "asOf", produces = MediaType.APPLICATION_JSON_VALUE)
    AccountAsOfJson accountAsOf(@PathVariable("client") String clientId,
                                @Parameter(description = "A position (digits) or an ISO-8601 instant",
                                        example = "42") @RequestParam("asOf") String asOf) {
        int client = Problems.client(clientId);
        Point point = point(asOf);
        return queries.ask(new FindAccountAsOf(client, point), ResponseTypes.optionalInstanceOf(AccountAsOf.class))
                .map(AccountAsOfJson::of)
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "client " + client + " had no account as of "
                        + point));
    }

    @Operation(summary = "A client's rows, each with the balance right after it",
            description = "Every row of the client in ledger order, accepted or rejected, at its position in the"
                    + " event store, with the account right after it; read from the events. page from 0, size"
                    + " default 100.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "The client id is not a number in 0..65535, or page or size"
            + " out of range", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No account for this client",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/accounts/{client}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    ClientRowsJson rows(@PathVariable("client") String clientId, @RequestParam(defaultValue = "0") String page,
                        @RequestParam(defaultValue = HISTORY_PAGE) String size) {
        int client = Problems.client(clientId);
        FindClientRows query = new FindClientRows(client, Problems.page(page), Problems.size(size));
        return queries.ask(query, ResponseTypes.optionalInstanceOf(ClientRows.class))
                .map(ClientRowsJson::of)
                .orElseThrow(() -> noAccount(client));
    }

    private static Point point(String text) {
        try {
            return Point.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "asOf: " + Problems.cutEchoes(e.getMessage()));
        }
    }

    private static RuntimeException noAccount(int client) {
        return Problems.of(HttpStatus.NOT_FOUND, "client " + client + " has no account");
    }
}
