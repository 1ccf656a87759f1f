package io.payonator.ops.web;

import io.payonator.ops.testing.Backend;

/** The console in a real browser, on a ledger in a real PostgreSQL database. */
class PostgresConsoleBrowserTest extends ConsoleBrowserTest {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
