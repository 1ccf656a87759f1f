package io.payonator.ops.jmh;

import io.payonator.api.Deposited;
import io.payonator.api.Money;
import io.payonator.ops.serialization.LedgerEventSerializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One event written to and read back from the bytes the event store keeps: the ledger's compact
 * codec against Axon's Jackson serializer (the baseline), the default it replaces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventSerializationBenchmark {

    private final Serializer jackson = JacksonSerializer.defaultSerializer();
    private final Serializer ledger = new LedgerEventSerializer(jackson);
    private final Deposited event = new Deposited(4_711, 123_456_789L, new Money(1_234_567));
    private SerializedObject<byte[]> storedByJackson;
    private SerializedObject<byte[]> storedByLedger;

    @Setup
    public void store() {
        storedByJackson = jackson.serialize(event, byte[].class);
        storedByLedger = ledger.serialize(event, byte[].class);
    }

    @Benchmark
    public SerializedObject<byte[]> jacksonWriteBaseline() {
        return jackson.serialize(event, byte[].class);
    }

    @Benchmark
    public Object jacksonReadBaseline() {
        return jackson.deserialize(storedByJackson);
    }

    @Benchmark
    public SerializedObject<byte[]> ledgerWrite() {
        return ledger.serialize(event, byte[].class);
    }

    @Benchmark
    public Object ledgerRead() {
        return ledger.deserialize(storedByLedger);
    }
}
