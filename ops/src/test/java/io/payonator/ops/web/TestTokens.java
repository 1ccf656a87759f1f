package io.payonator.ops.web;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A tokens file as an operator writes one: a token per role, bcrypt-hashed at the least cost the service takes. */
final class TestTokens {

    static final String READ = "read-token-6f1c";
    static final String WRITE = "write-token-91ab";
    static final String ADMIN = "admin-token-0d3e";

    private TestTokens() {
    }

    static Path file(Path folder) throws IOException {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
        Path file = folder.resolve("tokens.txt");
        Files.writeString(file, "# role:bcrypt hash\n"
                + "read:" + bcrypt.encode(READ) + "\n"
                + "\n"
                + "write:" + bcrypt.encode(WRITE) + "\n"
                + "admin:" + bcrypt.encode(ADMIN) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
