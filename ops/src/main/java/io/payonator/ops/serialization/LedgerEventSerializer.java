package io.payonator.ops.serialization;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * The event serializer: the ledger's own events in {@link EventCodec}'s compact binary form, empty
 * metadata as zero bytes, anything else through the delegate (Jackson). Type names stay the class
 * names, as Jackson writes them, and events stored as JSON by earlier versions still read back.
 */
public final class LedgerEventSerializer implements Serializer {

    private static final byte[] NO_BYTES = new byte[0];
    private static final SerializedType METADATA_TYPE = new SimpleSerializedType(MetaData.class.getName(), null);

    private final Serializer delegate;

    public LedgerEventSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object != null && EventCodec.handles(object.getClass())) {
            return as(EventCodec.encode(object), typeForClass(object.getClass()), expectedRepresentation);
        }
        if (object instanceof MetaData metaData && metaData.isEmpty()) {
            return as(NO_BYTES, METADATA_TYPE, expectedRepresentation);
        }
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        String typeName = serialized.getType().getName();
        Class<?> eventType = EventCodec.TYPES_BY_NAME.get(typeName);
        if (eventType != null || METADATA_TYPE.getName().equals(typeName)) {
            byte[] data = getConverter().convert(serialized.getData(), serialized.getContentType(), byte[].class);
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
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> eventType = EventCodec.TYPES_BY_NAME.get(type.getName());
        return eventType != null ? eventType : delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private <T> SerializedObject<T> as(byte[] bytes, SerializedType type, Class<T> representation) {
        T data = getConverter().convert(bytes, byte[].class, representation);
        return new SimpleSerializedObject<>(data, representation, type);
    }
}
