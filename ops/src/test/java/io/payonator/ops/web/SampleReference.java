package io.payonator.ops.web;

import io.payonator.ops.model.ReferenceLedger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the reference model says a client's account was after one of its rows of an input. */
final class SampleReference {

    private SampleReference() {
    }

    /**
     * The reference model's CSV row for {@code client} after the input up to that client's row
     * {@code k} (from 0): rows of one client keep their input order in the ledger, and a well-formed
     * row gives exactly one outcome, so the client's k-th well-formed row is its k-th history entry.
     * Rows of other clients before it count too: they may reserve a tx id first.
     */
    static String accountAfterRow(Path input, int client, int k) throws Exception {
        byte[] bytes = Files.readAllBytes(input);
        ReferenceLedger whole = new ReferenceLedger();
        whole.importSource("in", bytes);
        Set<Long> malformed = whole.rejects().stream()
                .filter(r -> r.reason().equals("malformed") || r.reason().equals("invalid_amount"))
                .map(ReferenceLedger.Reject::line).collect(Collectors.toSet());
        List<String> lines = ReferenceLedger.lines(new String(bytes, StandardCharsets.UTF_8));
        int seen = -1;
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = ReferenceLedger.fields(lines.get(i));
            if (!malformed.contains((long) i + 1) && fields.size() > 1
                    && fields.get(1).equals(Integer.toString(client)) && ++seen == k) {
                ReferenceLedger prefix = new ReferenceLedger();
                prefix.importSource("in", String.join("\n", lines.subList(0, i + 1)).getBytes(StandardCharsets.UTF_8));
                return prefix.accountsCsv().lines().filter(row -> row.startsWith(client + ","))
                        .findFirst().orElseThrow();
            }
        }
        throw new AssertionError("client " + client + " has no row " + k);
    }
}
