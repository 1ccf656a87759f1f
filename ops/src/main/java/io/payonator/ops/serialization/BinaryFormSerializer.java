package io.payonator.ops.serialization;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * A serializer that writes some types in a binary form of its own and hands everything else to
 * its delegate (Jackson), whose type names and converter it keeps: what the event and the
 * snapshot serializer share.
 */
abstract class BinaryFormSerializer implements Serializer {

    protected final Serializer delegate;

    BinaryFormSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    /** {@code bytes} as a serialized object of {@code type}, in the representation asked for. */
    protected <T> SerializedObject<T> serialized(byte[] bytes, SerializedType type, Class<T> representation) {
        T data = getConverter().convert(bytes, byte[].class, representation);
        return new SimpleSerializedObject<>(data, representation, type);
    }

    /** The stored bytes of {@code serialized}, whatever representation they were read in. */
    protected <S> byte[] bytesOf(SerializedObject<S> serialized) {
        return getConverter().convert(serialized.getData(), serialized.getContentType(), byte[].class);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
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
}
