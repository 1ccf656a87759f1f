package io.payonator.ops.web.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens files: slow hashes only, each line naming its role; and what a presented token is matched to. */
class TokenFileTest {

    private static final String BCRYPT_10 = new BCryptPasswordEncoder(10).encode("t1");

    @Test
    void readsRolesAndHashesAndSkipsCommentsAndBlankLines(@TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("tokens"), "# ops team\n\nread:" + BCRYPT_10 + "\n  admin:{bcrypt}"
                + BCRYPT_10 + "  \n");

        List<StoredToken> tokens = TokenFile.read(file);

        assertThat(tokens).extracting(token -> token.grant().role()).containsExactly(Role.READ, Role.ADMIN);
        assertThat(tokens.get(0).grant().label()).isEqualTo(file + ":3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"read:t1", "read:{noop}t1", "read:{sha256}0a1b", "read:{MD5}0a1b",
            "read:$2a$04$abcdefghijklmnopqrstuu5Ta6Yq.3J4D8yKh8HIGzJ9gfcWCEyEW", "reader:$2y$12$x", "no colon",
            "write:"})
    void refusesClearOrFastHashesCheapBcryptAndUnknownRoles(String line) {
        assertThatThrownBy(() -> TokenFile.parse(line, "PAYONATOR_TOKENS"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("PAYONATOR_TOKENS#1: ");
    }

    @Test
    void theEnvironmentVariableHoldsEntriesSeparatedBySpaces() {
        String pbkdf2 = "{pbkdf2@SpringSecurity_v5_8}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("t2");

        List<StoredToken> tokens = TokenFile.parse(" read:" + BCRYPT_10 + "\n write:" + pbkdf2 + " ", "PAYONATOR_TOKENS");

        assertThat(tokens).extracting(token -> token.grant().label()).containsExactly("PAYONATOR_TOKENS#1",
                "PAYONATOR_TOKENS#2");
        Tokens verifier = new Tokens(null, tokens);
        assertThat(verifier.verify("t1")).contains(new Grant(Role.READ, "PAYONATOR_TOKENS#1"));
        assertThat(verifier.verify("t2")).contains(new Grant(Role.WRITE, "PAYONATOR_TOKENS#2"));
        assertThat(verifier.verify("t1")).as("again, from the digest it remembered").contains(new Grant(Role.READ,
                "PAYONATOR_TOKENS#1"));
        assertThat(verifier.verify("t3")).isEmpty();
    }

    @Test
    void theShortcutTokenIsAdmin() {
        assertThat(new Tokens("s3cret", List.of()).verify("s3cret")).contains(new Grant(Role.ADMIN, "--token"));
        assertThat(new Tokens("s3cret", List.of()).verify("s3cre")).isEmpty();
    }

    @Test
    void aServiceWithoutAnyTokenDoesNotStart() {
        assertThatThrownBy(() -> new Tokens(" ", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one token");
    }

    @Test
    void eachRoleIncludesTheOnesBelow() {
        assertThat(Role.ADMIN.authorities()).extracting(Object::toString)
                .containsExactly("ROLE_READ", "ROLE_WRITE", "ROLE_ADMIN");
        assertThat(Role.READ.authorities()).extracting(Object::toString).containsExactly("ROLE_READ");
    }
}
