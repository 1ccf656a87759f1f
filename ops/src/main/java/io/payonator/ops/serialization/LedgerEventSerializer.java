package io.payonator.ops.serialization;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * The event serializer: the ledger's own events in {@link EventCodec}'s compact binary form, empty
 * metadata as zero bytes, anything else through the delegate (Jackson). The ledger's events are
 * stored under their simple names ({@link EventCodec#storedType}); the class names earlier versions
 * stored, and events they stored as JSON, still read back.
 */
public final class LedgerEventSerializer extends BinaryFormSerializer {

    private static final byte[] NO_BYTES = new byte[0];
    private static final SerializedType METADATA_TYPE = new SimpleSerializedType(MetaData.class.getName(), null);

    public LedgerEventSerializer(Serializer delegate) {
        super(delegate);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object != null && EventCodec.handles(object.getClass())) {
            return serialized(EventCodec.encode(object), EventCodec.storedType(object.getClass()), expectedRepresentation);
        }
        if (object instanceof MetaData metaData && metaData.isEmpty()) {
            return serialized(NO_BYTES, METADATA_TYPE, expectedRepresentation);
        }
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        String typeName = serialized.getType().getName();
        Class<?> eventType = EventCodec.TYPES_BY_NAME.get(typeName);
        if (eventType != null || METADATA_TYPE.getName().equals(typeName)) {
            byte[] data = bytesOf(serialized);
            if (eventType != null && data.length > 0 && data[0] == EventCodec.FORMAT_V1) {
                return (T) EventCodec.decode(eventType, data);
            }
            if (eventType == null && data.length == 0) {
                return (T) MetaData.emptyInstance();
            }
        }
        return delegate.deserialize(serialized);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        SerializedType stored = EventCodec.storedType(type);
        return stored != null ? stored : delegate.typeForClass(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> eventType = EventCodec.TYPES_BY_NAME.get(type.getName());
        return eventType != null ? eventType : delegate.classForType(type);
    }
}
