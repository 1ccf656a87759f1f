package io.payonator.ops.model;

import java.util.Map;
import java.util.TreeMap;

/** What a stream made the model do: rejections by reason, accounts, locked accounts. */
record ReasonCounts(Map<String, Integer> rejects, int accounts, int locked) {

    static ReasonCounts of(ReferenceLedger model) {
        Map<String, Integer> rejects = new TreeMap<>();
        model.rejects().forEach(reject -> rejects.merge(reject.reason(), 1, Integer::sum));
        String[] rows = model.accountsCsv().split("\n");
        int locked = 0;
        for (String row : rows) {
            locked += row.endsWith(",true") ? 1 : 0;
        }
        return new ReasonCounts(rejects, rows.length - 1, locked);
    }

    @Override
    public String toString() {
        return accounts + " accounts (" + locked + " locked), rejects " + rejects;
    }
}
