package io.payonator.ops.jmh;

import io.payonator.api.event.Deposited;
import io.payonator.api.Money;
import io.payonator.ops.serialization.LedgerEventSerializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;


/**
 * One event written to and read back from the bytes the event store keeps: the ledger's compact
 * codec against Axon's Jackson serializer (the baseline), the default it replaces.
 */
public class EventSerializationBenchmark extends MicroBenchmark {

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
