package io.payonator.ops.serialization;

import io.payonator.command.ClientSnapshots;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The snapshot serializer: a client aggregate in {@link ClientSnapshots}' binary form, anything
 * else through the delegate (Jackson). The type name stays the aggregate's class name.
 */
public final class ClientSnapshotSerializer extends BinaryFormSerializer {

    public ClientSnapshotSerializer(Serializer delegate) {
        super(delegate);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !ClientSnapshots.handles(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        return serialized(ClientSnapshots.encode(object), typeForClass(object.getClass()), expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        if (!ClientSnapshots.handles(classForType(serialized.getType()))) {
            return delegate.deserialize(serialized);
        }
        return (T) ClientSnapshots.decode(bytesOf(serialized));
    }

    /**
     * Lets through the snapshots this version can read. Axon reads a snapshot's payload only when
     * the aggregate is built from it, too late to fall back to the events: a snapshot of an older
     * layout would make its client fail to load. Passed over here, the client loads from its events
     * and is snapshotted anew.
     */
    public SnapshotFilter readableSnapshots() {
        return snapshot -> !ClientSnapshots.handles(classForType(snapshot.getPayload().getType()))
                || ClientSnapshots.readable(bytesOf(snapshot.getPayload()));
    }
}
