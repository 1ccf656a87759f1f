package io.payonator.ops.web.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hashes a tokens file may hold: slow ones only, since the file may leak. bcrypt with a cost
 * of at least {@value #MIN_BCRYPT_COST} (as {@code htpasswd -nbBC 12} writes it, or with Spring's
 * {@code {bcrypt}} prefix), or {@code {pbkdf2@SpringSecurity_v5_8}}. A fast hash ({@code {sha256}},
 * {@code {MD5}}) or a token in clear ({@code {noop}}) is refused when the file is read.
 */
final class TokenHashes {

    static final int MIN_BCRYPT_COST = 10;

    private static final String BCRYPT = "bcrypt";
    private static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern PBKDF2_HASH = Pattern.compile("\\{" + Pattern.quote(PBKDF2) + "}[0-9a-f]{32,}");

    private TokenHashes() {
    }

    static PasswordEncoder encoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(BCRYPT, Map.of(BCRYPT, bcrypt,
                PBKDF2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
        // htpasswd writes bcrypt without Spring's {id} prefix
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    /** Why {@code hash} may not stand in a tokens file, or {@code null} if it may. */
    static String problemWith(String hash) {
        String bcrypt = hash.startsWith("{" + BCRYPT + "}") ? hash.substring(BCRYPT.length() + 2) : hash;
        var match = BCRYPT_HASH.matcher(bcrypt);
        if (match.matches()) {
            int cost = Integer.parseInt(match.group(1));
            return cost >= MIN_BCRYPT_COST ? null
                    : "bcrypt cost " + cost + " is too cheap: use " + MIN_BCRYPT_COST + " or more (htpasswd -nbBC 12 '' TOKEN)";
        }
        if (PBKDF2_HASH.matcher(hash).matches()) {
            return null;
        }
        return "not a bcrypt hash ($2y$12$...) or {" + PBKDF2 + "}: a token is stored as a slow hash, never in clear"
                + " or with a fast hash";
    }
}
