package io.payonator.ops.web.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the bcrypt hash (cost {@value #COST}) of the token on standard input, for a line of a
 * tokens file: {@code printf %s "$TOKEN" | java -cp ops/target/app/payonator.jar
 * io.payonator.ops.web.security.HashToken}. Standard input, not an argument: the arguments of a
 * process are visible to every user of the machine.
 */
public final class HashToken {

    static final int COST = 12;

    private HashToken() {
    }

    public static void main(String[] args) throws IOException {
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (token == null || token.isBlank()) {
            System.err.println("give the token on standard input: printf %s \"$TOKEN\" | java -cp payonator.jar "
                    + HashToken.class.getName());
            System.exit(2);
        }
        System.out.println(new BCryptPasswordEncoder(COST).encode(token.strip()));
    }
}
