package io.payonator.ops.jmh;

import io.payonator.api.command.ApplyTransactions;
import io.payonator.api.command.ClientCommand;
import io.payonator.api.command.DepositFunds;
import io.payonator.api.Money;
import io.payonator.api.RowOrigin;
import io.payonator.command.Client;
import io.payonator.command.ClientCache;
import io.payonator.command.StoredDeposits;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;

/**
 * What a row costs in Axon itself: the aggregates in the ledger's strong cache, the events
 * handed to a store that keeps none (a store that kept them grew by hundreds of thousands of
 * events an iteration and measured its own garbage collection; nothing reads them back while the
 * cache holds every aggregate). One command per row, as Axon is usually driven (the baseline), against one command carrying a
 * client's next 64 rows, as the bulk import sends them. Both go through the same gateway, the same
 * {@link Client} aggregate and its same rules, and apply one event per row.
 */
@Warmup(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class CommandHandlingBenchmark extends MicroBenchmark {

    static final int ROWS_PER_COMMAND = 64;
    private static final int CLIENTS = 1_000;
    private static final Money AMOUNT = new Money(12_345);

    private Configuration axon;
    private CommandGateway gateway;
    private int client;
    private long tx;

    /** A fresh store and cache each iteration, so that no iteration pays for a store its predecessors grew. */
    @Setup(Level.Iteration)
    public void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new DiscardingStorageEngine())
                .registerComponent(StoredDeposits.class, config -> StoredDeposits.NONE)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Client.class)
                        .configureCache(config -> new ClientCache()))
                .buildConfiguration();
        axon.start();
        gateway = axon.commandGateway();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        axon.shutdown();
    }

    @Benchmark
    public Object oneCommandPerRowBaseline() {
        return gateway.sendAndWait(deposit(nextClient()));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS_PER_COMMAND)
    public Object oneCommandPerClientBatch() {
        int batchClient = nextClient();
        List<ClientCommand> rows = new ArrayList<>(ROWS_PER_COMMAND);
        for (int i = 0; i < ROWS_PER_COMMAND; i++) {
            rows.add(deposit(batchClient));
        }
        return gateway.sendAndWait(new ApplyTransactions(batchClient, rows));
    }

    private static final class DiscardingStorageEngine extends InMemoryEventStorageEngine {
        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            // kept nowhere: see the class comment
        }
    }

    private int nextClient() {
        client = (client + 1) % CLIENTS;
        return client;
    }

    private DepositFunds deposit(int to) {
        tx++;
        return new DepositFunds(to, tx, AMOUNT, false, new RowOrigin("bench.csv", tx));
    }
}
