package io.payonator.ops.web.console;

import io.payonator.api.RejectionReason;
import io.payonator.api.query.AccountAsOf;
import io.payonator.api.query.AccountBalance;
import io.payonator.api.query.AccountFilter;
import io.payonator.api.query.AccountsPage;
import io.payonator.api.query.ClientRow;
import io.payonator.api.query.ClientRows;
import io.payonator.api.query.CountRejectedRows;
import io.payonator.api.query.FindAccount;
import io.payonator.api.query.FindAccountAsOf;
import io.payonator.api.query.FindAccounts;
import io.payonator.api.query.FindClientRows;
import io.payonator.api.query.FindLedgerTotals;
import io.payonator.api.query.FindRejectedRows;
import io.payonator.api.query.FindRejections;
import io.payonator.api.query.LedgerTotals;
import io.payonator.api.query.Point;
import io.payonator.api.query.RejectionCounts;
import io.payonator.api.query.RejectionsPage;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The console's pages. Each page is one server-rendered document; with the header
 * {@value #LIVE_HEADER}, sent by the console's script every second, only its live part is
 * rendered, which the script swaps in. Bad input (a client id that is no number) is said on the
 * page, not answered as an error: the operator typed it.
 */
@Controller
class ConsoleController {

    static final String LIVE_HEADER = "X-Console-Live";
    private static final int ACCOUNTS_PAGE = 50;
    private static final int ROWS_PAGE = 100;
    private static final int REJECTIONS_PAGE = 100;
    private static final int CHART_ROWS = 2_000;

    /** The filters as the search form offers them. */
    private static final Map<String, String> FILTERS = filters();

    private static final ShownNames NAMES = new ShownNames();

    private final QueryGateway queries;
    private final LedgerStatus status;

    ConsoleController(QueryGateway queries, LedgerStatus status) {
        this.queries = queries;
        this.status = status;
    }

    /** Every page shows sources by name only. */
    @ModelAttribute("names")
    ShownNames names() {
        return NAMES;
    }

    @GetMapping("/")
    String accounts(@RequestParam(defaultValue = "") String client, @RequestParam(defaultValue = "all") String filter,
                    @RequestParam(defaultValue = "0") String page, @RequestHeader(value = LIVE_HEADER, required = false)
                    String live, HttpServletRequest request, Model model) {
        AccountFilter chosen = AccountFilter.fromCode(filter).orElse(AccountFilter.ALL);
        Optional<Integer> search = client.isBlank() ? Optional.empty() : number(client.strip(), 65_535, model,
                "client")
                .map(Long::intValue);
        int pageNumber = number(page, Integer.MAX_VALUE, model, "page").orElse(0L).intValue();
        AccountsPage accounts = ask(new FindAccounts(chosen, search.orElse(null), pageNumber, ACCOUNTS_PAGE),
                ResponseTypes.instanceOf(AccountsPage.class));
        model.addAttribute("accounts", accounts);
        model.addAttribute("totals", ask(new FindLedgerTotals(), ResponseTypes.instanceOf(LedgerTotals.class)));
        model.addAttribute("filters", FILTERS);
        model.addAttribute("filter", chosen.code());
        model.addAttribute("client", client.strip());
        model.addAttribute("found", search.map(wanted -> !accounts.accounts().isEmpty()
                && accounts.accounts().get(0).client() == wanted).orElse(null));
        model.addAttribute("pager", Pager.of(request, pageNumber, accounts.totalAccounts(), ACCOUNTS_PAGE));
        return live != null ? "console/accounts :: live" : "console/accounts";
    }

    @GetMapping("/clients/{client}")
    String client(@PathVariable("client") String clientId, @RequestParam(defaultValue = "0") String page,
                  @RequestParam(defaultValue = "") String asOf,
                  @RequestHeader(value = LIVE_HEADER, required = false) String live, HttpServletRequest request, Model model) {
        Optional<Integer> client = number(clientId, 65_535, model, "client").map(Long::intValue);
        model.addAttribute("clientId", clientId);
        if (client.isEmpty()) {
            return "console/client";
        }
        int pageNumber = number(page, Integer.MAX_VALUE, model, "page").orElse(0L).intValue();
        Optional<AccountBalance> account = ask(new FindAccount(client.get()),
                ResponseTypes.optionalInstanceOf(AccountBalance.class));
        Optional<ClientRows> rowsPage = ask(new FindClientRows(client.get(), pageNumber, ROWS_PAGE),
                ResponseTypes.optionalInstanceOf(ClientRows.class));
        model.addAttribute("client", client.get());
        model.addAttribute("account", account.orElse(null));
        rowsPage.ifPresent(rows -> {
            List<ClientRow> drawn = chartRows(client.get(), rows.totalEntries());
            model.addAttribute("chart", Charts.balances(drawn));
            model.addAttribute("chartRows", drawn.size());
            model.addAttribute("totalRows", rows.totalEntries());
            model.addAttribute("rows", rows.entries());
            model.addAttribute("pager", Pager.of(request, pageNumber, rows.totalEntries(), ROWS_PAGE));
        });
        model.addAttribute("asOf", asOf.strip());
        if (!asOf.isBlank()) {
            asOf(client.get(), asOf.strip(), model);
        }
        return live != null ? "console/client :: live" : "console/client";
    }

    /**
     * The rows the chart draws: the client's last {@value #CHART_ROWS} at most, so that it always
     * ends at the balance now (and stays a light page for a client with millions of rows).
     */
    private List<ClientRow> chartRows(int client, long total) {
        int lastPage = (int) Math.max(0, (total - 1) / CHART_ROWS);
        List<ClientRow> rows = new ArrayList<>(rowsOf(client, lastPage));
        if (lastPage > 0 && rows.size() < CHART_ROWS / 2) {
            rows.addAll(0, rowsOf(client, lastPage - 1));
        }
        return rows;
    }

    private List<ClientRow> rowsOf(int client, int page) {
        return ask(new FindClientRows(client, page, CHART_ROWS), ResponseTypes.optionalInstanceOf(ClientRows.class))
                .map(ClientRows::entries).orElse(List.of());
    }

    private void asOf(int client, String text, Model model) {
        try {
            Point point = Point.parse(text);
            Optional<AccountAsOf> then = ask(new FindAccountAsOf(client, point),
                    ResponseTypes.optionalInstanceOf(AccountAsOf.class));
            model.addAttribute("then", then.orElse(null));
            model.addAttribute("thenPoint", point.toString());
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", "As of: " + e.getMessage());
        }
    }

    @GetMapping("/rejections")
    String rejections(@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String source,
                      @RequestParam(defaultValue = "0") String page,
                      @RequestHeader(value = LIVE_HEADER, required = false) String live, HttpServletRequest request, Model model) {
        RejectionReason chosen = Arrays.stream(RejectionReason.values()).filter(r -> r.code().equals(reason))
                .findFirst().orElse(null);
        int pageNumber = number(page, Integer.MAX_VALUE, model, "page").orElse(0L).intValue();
        RejectionCounts counts = ask(new CountRejectedRows(FindRejectedRows.WHOLE_LEDGER),
                ResponseTypes.instanceOf(RejectionCounts.class));
        Map<RejectionReason, Long> byReason = new EnumMap<>(counts.byReason());
        byReason.values().removeIf(count -> count == 0);
        RejectionsPage rows = ask(new FindRejections(chosen, source.isBlank() ? null : source, pageNumber,
                REJECTIONS_PAGE), ResponseTypes.instanceOf(RejectionsPage.class));
        model.addAttribute("counts", byReason);
        model.addAttribute("totalRejected", counts.total());
        model.addAttribute("chart", Charts.reasons(byReason));
        model.addAttribute("reasons", RejectionReason.values());
        model.addAttribute("reason", chosen == null ? "" : chosen.code());
        model.addAttribute("source", source);
        model.addAttribute("rejections", rows);
        model.addAttribute("pager", Pager.of(request, pageNumber, rows.totalRows(), REJECTIONS_PAGE));
        return live != null ? "console/rejections :: live" : "console/rejections";
    }

    @GetMapping("/status")
    String status(@RequestHeader(value = LIVE_HEADER, required = false) String live, HttpServletRequest request, Model model) {
        model.addAttribute("status", status.now());
        return live != null ? "console/status :: live" : "console/status";
    }

    @GetMapping(ConsolePaths.SIGN_IN)
    String signIn() {
        return "console/sign-in";
    }

    private static Map<String, String> filters() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(AccountFilter.ALL.code(), "All accounts");
        labels.put(AccountFilter.LOCKED.code(), "Locked");
        labels.put(AccountFilter.NEGATIVE_AVAILABLE.code(), "Negative available");
        labels.put(AccountFilter.HOLDING_FUNDS.code(), "Holding funds");
        return Collections.unmodifiableMap(labels);
    }

    /** A number the operator typed, or the problem with it on the page. */
    private static Optional<Long> number(String text, long max, Model model, String what) {
        String digits = text.strip();
        if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && Long.parseLong(digits) <= max) {
            return Optional.of(Long.parseLong(digits));
        }
        model.addAttribute("problem", "The " + what + " must be a whole number from 0 to " + max + ".");
        return Optional.empty();
    }

    private <R, Q> R ask(Q query, ResponseType<R> type) {
        try {
            return queries.query(query, type).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
