package io.payonator.ops.web;

import io.payonator.ops.testing.Backend;

/** Points in history on a ledger in a real PostgreSQL database. */
class PostgresTimeTravelTest extends TimeTravelTest {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
