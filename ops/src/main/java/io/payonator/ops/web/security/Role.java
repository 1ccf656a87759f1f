package io.payonator.ops.web.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do. Each role includes the ones before it: write can read, admin can write.
 * The authorities granted are the role's and every included one, so that a rule names the least
 * role it needs ({@code hasRole("WRITE")}) and no role hierarchy has to be looked up.
 */
public enum Role {
    /** Balances, history, metrics and health details; the console's pages. */
    READ,
    /** Submitting transactions. */
    WRITE,
    /** Replay, and the console's actions. */
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code read}, {@code write} or {@code admin}, in any case. */
    public static Optional<Role> fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equalsIgnoreCase(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role included : values()) {
            if (included.ordinal() <= ordinal()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + included.name()));
            }
        }
        return authorities;
    }
}
