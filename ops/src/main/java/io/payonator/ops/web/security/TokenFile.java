package io.payonator.ops.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a service, as {@code serve --tokens FILE} and {@code PAYONATOR_TOKENS} give them:
 * one {@code role:hash} per line ({@code read}, {@code write} or {@code admin}; see {@link
 * TokenHashes} for the hashes), blank lines and {@code #} comments allowed. The environment
 * variable holds the same entries separated by spaces or newlines.
 */
public final class TokenFile {

    private TokenFile() {
    }

    /** @throws IllegalArgumentException naming the line that is not {@code role:hash}, or the file that cannot be read */
    public static List<StoredToken> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the tokens file " + file + ": " + e.getMessage(), e);
        }
        List<StoredToken> tokens = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                tokens.add(entry(line, file + ":" + (i + 1)));
            }
        }
        return tokens;
    }

    /** The entries of the environment variable's value, each labelled {@code name#N}. */
    public static List<StoredToken> parse(String entries, String name) {
        List<StoredToken> tokens = new ArrayList<>();
        for (String entry : entries.strip().split("\\s+")) {
            if (!entry.isEmpty()) {
                tokens.add(entry(entry, name + "#" + (tokens.size() + 1)));
            }
        }
        return tokens;
    }

    private static StoredToken entry(String text, String label) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(label + ": expected role:hash (read, write or admin, then the token's"
                    + " bcrypt hash)");
        }
        String roleCode = text.substring(0, colon);
        Role role = Role.fromCode(roleCode).orElseThrow(() -> new IllegalArgumentException(label + ": unknown role '"
                + roleCode + "': read, write or admin"));
        String hash = text.substring(colon + 1);
        String problem = TokenHashes.problemWith(hash);
        if (problem != null) {
            throw new IllegalArgumentException(label + ": " + problem);
        }
        return new StoredToken(new Grant(role, label), hash);
    }
}
