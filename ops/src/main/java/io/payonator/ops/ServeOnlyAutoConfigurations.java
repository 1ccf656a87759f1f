package io.payonator.ops;

import io.payonator.ops.ledger.Ledger;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.util.List;

/**
 * Leaves the auto-configuration of the web server, Actuator, springdoc, Bean Validation, Spring
 * Security and Thymeleaf out of every context but the service's ({@code payonator serve}). Their jars are on the
 * class path of every command; the command line needs none of them, and evaluating and creating
 * their beans would slow the start of every import. This filter drops them before any of their
 * conditions is evaluated.
 */
public final class ServeOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware, Ordered {

    private static final List<String> SERVE_ONLY = List.of(
            "org.springframework.boot.actuate.autoconfigure.",
            "org.springdoc.",
            "org.springframework.boot.autoconfigure.web.",
            "org.springframework.boot.autoconfigure.websocket.",
            "org.springframework.boot.autoconfigure.webservices.",
            "org.springframework.boot.autoconfigure.http.",
            "org.springframework.boot.autoconfigure.data.web.",
            "org.springframework.boot.autoconfigure.validation.",
            "org.springframework.boot.autoconfigure.security.",
            // the console's templates: the command line built a template engine it never used
            "org.springframework.boot.autoconfigure.thymeleaf.");

    private boolean serving;

    @Override
    public void setEnvironment(Environment environment) {
        serving = environment.acceptsProfiles(Profiles.of(Ledger.SERVE_PROFILE));
    }

    /** Before Spring Boot's own filters, which would load the classes these name to check their conditions. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            matches[i] = serving || autoConfigurationClasses[i] == null || !serveOnly(autoConfigurationClasses[i]);
        }
        return matches;
    }

    private static boolean serveOnly(String autoConfiguration) {
        for (String prefix : SERVE_ONLY) {
            if (autoConfiguration.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
