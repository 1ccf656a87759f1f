package io.payonator.ops.cli;

import io.payonator.api.query.Point;
import picocli.CommandLine;

/** Reads {@code --as-of}: a position in the event store, or an ISO-8601 instant. */
final class Points implements CommandLine.ITypeConverter<Point> {

    @Override
    public Point convert(String value) {
        try {
            return Point.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
