package io.payonator.ops.web;

import io.payonator.ops.testing.Backend;

/** Group commit on a ledger in a real PostgreSQL database. */
class PostgresGroupCommitTest extends GroupCommitTest {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
