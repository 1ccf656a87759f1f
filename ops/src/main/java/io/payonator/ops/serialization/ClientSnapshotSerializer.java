package io.payonator.ops.serialization;

import io.payonator.command.ClientSnapshots;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The snapshot serializer: a client aggregate in {@link ClientSnapshots}' binary form, anything
 * else through the delegate (Jackson). The type name stays the aggregate's class name.
 */
public final class ClientSnapshotSerializer implements Serializer {

    private final Serializer delegate;

    public ClientSnapshotSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !ClientSnapshots.handles(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        T data = getConverter().convert(ClientSnapshots.encode(object), byte[].class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        if (!ClientSnapshots.handles(classForType(serialized.getType()))) {
            return delegate.deserialize(serialized);
        }
        byte[] data = getConverter().convert(serialized.getData(), serialized.getContentType(), byte[].class);
        return (T) ClientSnapshots.decode(data);
    }

    /**
     * Lets through the snapshots this version can read. Axon reads a snapshot's payload only when
     * the aggregate is built from it, too late to fall back to the events: a snapshot of an older
     * layout would make its client fail to load. Passed over here, the client loads from its events
     * and is snapshotted anew.
     */
    public SnapshotFilter readableSnapshots() {
        return snapshot -> !ClientSnapshots.handles(classForType(snapshot.getPayload().getType()))
                || ClientSnapshots.readable(getConverter().convert(snapshot.getPayload().getData(),
                snapshot.getPayload().getContentType(), byte[].class));
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
