package io.payonator.query;

import org.springframework.jdbc.core.JdbcOperations;

import java.util.function.Function;

/**
 * Where the service's queries read the projection tables: connections of their own, so that reads
 * never wait for a projection batch, and one consistent view per query (a page and its total
 * agree). During a replay the view can be the tables as they were before it (the application
 * decides; see {@code ProjectionReadConnections}).
 */
public interface ProjectionReads {

    /** Runs {@code reads} against one consistent state of the projection tables. */
    <T> T read(Function<JdbcOperations, T> reads);
}
