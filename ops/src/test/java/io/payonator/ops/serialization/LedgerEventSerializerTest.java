package io.payonator.ops.serialization;

import io.payonator.api.event.AccountOpened;
import io.payonator.api.event.ChargedBack;
import io.payonator.api.event.Deposited;
import io.payonator.api.event.Disputed;
import io.payonator.api.Money;
import io.payonator.api.RejectionReason;
import io.payonator.api.event.Resolved;
import io.payonator.api.event.RowMalformed;
import io.payonator.api.RowOrigin;
import io.payonator.api.event.TransactionRejected;
import io.payonator.api.TransactionType;
import io.payonator.api.event.Withdrawn;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerEventSerializerTest {

    private final JacksonSerializer jackson = JacksonSerializer.defaultSerializer();
    private final Serializer serializer = new LedgerEventSerializer(jackson);

    static Stream<Object> events() {
        RowOrigin origin = new RowOrigin("dir/files, \"q\"/données.csv", 4_294_967_296L);
        return Stream.of(
                new AccountOpened(0), new AccountOpened(65_535),
                new Deposited(1, 0, new Money(1)), new Deposited(65_535, 4_294_967_295L, new Money(Long.MAX_VALUE)),
                new Withdrawn(2, 7, new Money(15_000)), new Disputed(3, 8, new Money(Long.MAX_VALUE)),
                new Resolved(4, 9, new Money(10)), new ChargedBack(5, 10, new Money(20)),
                // accepted rows name their row; those above, without one, are as events stored before
                new Deposited(1, 0, new Money(1), origin), new Withdrawn(2, 7, new Money(15_000), new RowOrigin("-", 2)),
                new Disputed(3, 8, new Money(5), origin), new Resolved(4, 9, new Money(10), origin),
                new ChargedBack(5, 10, new Money(20), origin),
                new TransactionRejected(6, TransactionType.WITHDRAWAL, 11, new Money(99), RejectionReason.INSUFFICIENT_FUNDS,
                        origin),
                new TransactionRejected(7, TransactionType.CHARGEBACK, 12, null, RejectionReason.NEGATIVE_TOTAL, origin),
                new RowMalformed(origin, RejectionReason.INVALID_AMOUNT, "amount '1.00001' has more than 4 digits"),
                new RowMalformed(new RowOrigin("-", 2), RejectionReason.MALFORMED, null),
                new RowMalformed(new RowOrigin("deep/".repeat(200) + "file.csv", 3), RejectionReason.MALFORMED,
                        "a line of 1,024 characters: " + "é".repeat(1_000)));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventSurvivesTheRoundTrip(Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);

        assertThat(serialized.getType().getName()).isEqualTo(event.getClass().getSimpleName());
        assertThat(serialized.getData()[0]).isEqualTo(EventCodec.FORMAT_V1);
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void eventsStoredAsJsonStillReadBack(Object event) {
        SerializedObject<byte[]> json = jackson.serialize(event, byte[].class);

        assertThat((Object) serializer.deserialize(json)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void eventsStoredUnderTheirClassNameStillReadBack(Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(serialized.getData(), byte[].class,
                event.getClass().getName(), null);

        assertThat(serializer.classForType(stored.getType())).isEqualTo(event.getClass());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void eventsStoredUnderTheirNameBeforeTheMessagesMovedStillReadBack(Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        String storedBefore = "io.payonator.api." + event.getClass().getSimpleName();
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(serialized.getData(), byte[].class,
                storedBefore, null);

        assertThat(serializer.classForType(stored.getType())).isEqualTo(event.getClass());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void compactFormIsMuchSmallerThanJson() {
        Deposited event = new Deposited(1234, 567_890, Money.parse("1234.5678"));

        assertThat(serializer.serialize(event, byte[].class).getData().length)
                .isLessThan(jackson.serialize(event, byte[].class).getData().length / 4);
    }

    @Test
    void emptyMetaDataIsStoredAsNoBytesAndOtherMetaDataAsJson() {
        SerializedObject<byte[]> empty = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        MetaData someMetaData = MetaData.from(Map.of("traceId", "abc"));
        SerializedObject<byte[]> some = serializer.serialize(someMetaData, byte[].class);

        assertThat(empty.getData()).isEmpty();
        assertThat((Object) serializer.deserialize(empty)).isEqualTo(MetaData.emptyInstance());
        assertThat((Object) serializer.deserialize(some)).isEqualTo(someMetaData);
    }
}
