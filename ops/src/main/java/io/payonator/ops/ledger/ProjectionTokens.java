package io.payonator.ops.ledger;

import io.payonator.query.BalanceProjection;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * The pooled projection's progress as the token store holds it, every segment's, whichever node
 * claims it: what a node of a cluster reads depends on all of them, not only on the segments it
 * holds. Read without claiming anything (Axon's token store API claims as it reads).
 */
final class ProjectionTokens {

    private static final String TOKENS = "SELECT token, tokentype FROM tokenentry WHERE processorname = ?";
    private static final String SEGMENTS = "SELECT COUNT(*) FROM tokenentry WHERE processorname = ?";

    private final EventStoreConnections connections;
    private final Serializer serializer;

    ProjectionTokens(EventStoreConnections connections, Serializer serializer) {
        this.connections = connections;
        this.serializer = serializer;
    }

    /**
     * The position every segment has applied: empty before the segments exist; 0 for a segment
     * that has applied nothing yet.
     */
    OptionalLong appliedBySlowestSegment() {
        try (Connection connection = connections.connectionProvider().getConnection();
             PreparedStatement query = connection.prepareStatement(TOKENS)) {
            query.setString(1, BalanceProjection.PROCESSING_GROUP);
            long slowest = Long.MAX_VALUE;
            boolean any = false;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    any = true;
                    slowest = Math.min(slowest, position(rows.getBytes(1), rows.getString(2)));
                }
            }
            return any ? OptionalLong.of(slowest) : OptionalLong.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the projection's tokens: " + e.getMessage(), e);
        }
    }

    /** How many segments the projection's position is split into: 0 before it has any. */
    int segments() {
        try (Connection connection = connections.connectionProvider().getConnection();
             PreparedStatement query = connection.prepareStatement(SEGMENTS)) {
            query.setString(1, BalanceProjection.PROCESSING_GROUP);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the projection's segments: " + e.getMessage(), e);
        }
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }
}
