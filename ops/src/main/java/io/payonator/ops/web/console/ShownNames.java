package io.payonator.ops.web.console;

import io.payonator.ops.web.SourceNames;

/** The pages' way to show a source as the API does: a file by its name only, never the server's path. */
public final class ShownNames {

    public String shown(String source) {
        return source == null ? "" : SourceNames.shown(source);
    }
}
