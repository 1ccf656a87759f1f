package io.payonator.ops.web;

import io.payonator.api.query.FindTransaction;
import io.payonator.api.query.TransactionView;
import io.payonator.command.intake.MalformedRowException;
import io.payonator.ops.csv.CsvRow;
import io.payonator.ops.csv.TransactionCsvReader;
import io.payonator.ops.csv.UnreadableInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Transactions: one by tx id, read from the projection; and the online intake, which goes through
 * the importer's validation and the same {@code Client} aggregate.
 */
@RestController
@Tag(name = "transactions", description = "Look up a transaction; submit transactions")
class TransactionsController {

    /** Rows of one CSV body: they are decided in one unit of work and answered in one response. */
    static final int MAX_CSV_ROWS = 100_000;
    static final long MAX_CSV_BYTES = 16L * 1024 * 1024;

    private final LedgerQueryGateway queries;
    private final OnlineIntake intake;
    private final ClusterIntake cluster;

    TransactionsController(LedgerQueryGateway queries, OnlineIntake intake, ClusterIntake cluster) {
        this.queries = queries;
        this.intake = intake;
        this.cluster = cluster;
    }

    @Operation(summary = "One accepted deposit or withdrawal",
            description = "A tx id that only rejected rows used is not a transaction of the ledger (404); such rows"
                    + " are listed under /accounts/{client}/transactions.")
    @ApiResponse(responseCode = "200")
    @ApiResponse(responseCode = "400", description = "The tx id is not a number in 0..4294967295",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No accepted deposit or withdrawal has this tx id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @GetMapping(path = "/transactions/{tx}", produces = MediaType.APPLICATION_JSON_VALUE)
    TransactionJson transaction(@PathVariable("tx") String txId) {
        long tx = Problems.tx(txId);
        return queries.ask(new FindTransaction(tx), ResponseTypes.optionalInstanceOf(TransactionView.class))
                .map(TransactionJson::of)
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "no accepted deposit or withdrawal has tx " + tx));
    }

    @Operation(summary = "Submit one transaction (JSON)",
            description = "Validated as a CSV row is, then decided by the client's account. 200 with the outcome:"
                    + " accepted, or rejected with its reason code (a rejected row is recorded in the ledger, and a"
                    + " deposit or withdrawal reserves its tx id either way; a retry of the same tx id answers"
                    + " rejected, duplicate_tx, and changes nothing). A field that breaks the input rules (unknown"
                    + " type, client or tx out of range, an amount that is not a plain decimal > 0 with at most four"
                    + " places) is a 400 and nothing is written.")
    @SecurityRequirement(name = ServiceConfiguration.BEARER)
    @ApiResponse(responseCode = "200", description = "Processed: see outcome")
    @ApiResponse(responseCode = "400", description = "Unusable body or invalid field; nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "401", description = "No or wrong bearer token; nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "The token's role is not write or admin; nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "503", description = "A replay is running; retry later",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/transactions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RowResult submit(@RequestBody TransactionRequest request, HttpServletRequest http) throws MalformedRowException {
        RowResult result = cluster.clustered() ? cluster.submit(request, intake.newSource())
                : intake.submit(request, intake.newSource());
        RequestTrail.outcome(http, "rows=1 accepted=" + (result.isAccepted() ? 1 : 0)
                + " rejected=" + (result.isAccepted() ? 0 : 1));
        return result;
    }

    @Operation(summary = "Submit many transactions (CSV)",
            description = "A body in the file format of SPEC.md (UTF-8, header type,client,tx,amount), at most"
                    + " 100,000 rows and 16 MiB. Rows are decided in order and stored together: all or none. The"
                    + " answer lists every row's outcome; a malformed row is answered as rejected (malformed or"
                    + " invalid_amount) and recorded in the rejects report, exactly as in a file import. 400 only"
                    + " when the body as a whole is unusable (empty, no header); nothing is written then.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = AccountsCsvConverter.TEXT_CSV_VALUE, schema = @Schema(type = "string"),
            examples = @ExampleObject(value = "type,client,tx,amount\ndeposit,1,1,1.0\nwithdrawal,1,2,0.5\n")))
    @SecurityRequirement(name = ServiceConfiguration.BEARER)
    @ApiResponse(responseCode = "200", description = "Processed: see each row's outcome")
    @ApiResponse(responseCode = "400", description = "No header or an empty body; nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "401", description = "No or wrong bearer token; nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "The token's role is not write or admin; nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "Too many rows or bytes; nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/transactions", consumes = AccountsCsvConverter.TEXT_CSV_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SubmittedRows submitCsv(InputStream body, HttpServletRequest http) throws IOException {
        if (cluster.clustered()) {
            // a body's rows of several clients would be decided on several nodes: not all or none
            throw Problems.of(HttpStatus.BAD_REQUEST, "a node of a cluster takes transactions as JSON, one per request"
                    + " (POST /transactions with Content-Type application/json); CSV bodies are for a ledger served"
                    + " alone");
        }
        String source = intake.newSource();
        List<CsvRow> rows = readAll(source, new Limited(body));
        SubmittedRows submitted = SubmittedRows.of(source, intake.submit(rows));
        RequestTrail.outcome(http, "rows=" + submitted.rows() + " accepted=" + submitted.accepted()
                + " rejected=" + submitted.rejected());
        return submitted;
    }

    /** The whole body is read before anything is decided: a body cut short writes nothing. */
    private static List<CsvRow> readAll(String source, Limited body) throws IOException {
        try (TransactionCsvReader reader = TransactionCsvReader.open(source, body)) {
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                if (rows.size() == MAX_CSV_ROWS) {
                    throw tooLarge();
                }
                rows.add(row);
            }
            return rows;
        } catch (UnreadableInputException e) {
            if (body.exceeded) {
                throw tooLarge();
            }
            IOException limit = RequestBodyLimits.limitIn(e);
            if (limit != null) {
                throw limit;
            }
            throw Problems.of(HttpStatus.BAD_REQUEST, "the CSV body is unusable: " + Problems.cutEchoes(e.getMessage()));
        } catch (IOException e) {
            if (body.exceeded) {
                throw tooLarge();
            }
            throw e;
        }
    }

    private static RuntimeException tooLarge() {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "a CSV body may hold at most " + MAX_CSV_ROWS + " rows and "
                + MAX_CSV_BYTES + " bytes; send the rest in further requests");
    }

    /** Stops reading a body past {@link #MAX_CSV_BYTES}: a single line would otherwise have no bound. */
    private static final class Limited extends FilterInputStream {

        private long remaining = MAX_CSV_BYTES;
        private boolean exceeded;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            checkRoom();
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkRoom();
            int n = super.read(buffer, offset, (int) Math.min(length, remaining + 1));
            if (n > 0) {
                remaining -= n;
                checkRoom();
            }
            return n;
        }

        private void checkRoom() throws IOException {
            if (remaining < 0) {
                exceeded = true;
                throw new IOException("the body is larger than " + MAX_CSV_BYTES + " bytes");
            }
        }
    }
}
