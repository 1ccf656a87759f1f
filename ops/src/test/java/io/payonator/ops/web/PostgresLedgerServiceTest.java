package io.payonator.ops.web;

import io.payonator.ops.testing.Backend;

/** Every test of the service, on a ledger in a real PostgreSQL database. */
class PostgresLedgerServiceTest extends LedgerServiceTest {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
