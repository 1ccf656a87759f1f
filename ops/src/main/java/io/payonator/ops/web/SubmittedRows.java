package io.payonator.ops.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answer to a CSV body: every row's outcome, in the body's order, and the counts. */
@Schema(description = "Outcomes of the rows of a CSV body, in order")
record SubmittedRows(String source, int rows, int accepted, int rejected, List<RowResult> outcomes) {

    static SubmittedRows of(String source, List<RowResult> outcomes) {
        int accepted = (int) outcomes.stream().filter(RowResult::isAccepted).count();
        return new SubmittedRows(source, outcomes.size(), accepted, outcomes.size() - accepted, List.copyOf(outcomes));
    }
}
