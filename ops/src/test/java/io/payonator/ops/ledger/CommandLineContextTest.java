package io.payonator.ops.ledger;

import io.payonator.ops.ledger.sqlite.SqliteLocation;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's ledger carries none of the service's machinery: no web server, no Actuator,
 * no springdoc, no Bean Validation, none of the service's beans (they would slow down the start of
 * every import).
 */
class CommandLineContextTest {

    @Test
    void aCommandLineLedgerHasNoWebServerActuatorOrServiceBeans() throws Exception {
        try (Ledger ledger = Ledger.open(SqliteLocation.temporary())) {
            ConfigurableApplicationContext context = ledger.context();

            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(DispatcherServlet.class)).isEmpty();
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
            assertThat(Arrays.stream(context.getBeanDefinitionNames())
                    .map(name -> context.getBeanFactory().getBeanDefinition(name).getBeanClassName())
                    .filter(type -> type != null && (type.startsWith("io.payonator.ops.web.")
                            || type.startsWith("org.springdoc.") || type.startsWith("org.springframework.boot.actuate.")
                            || type.startsWith("org.springframework.boot.autoconfigure.web.")
                            || type.startsWith("org.springframework.boot.autoconfigure.validation."))))
                    .isEmpty();
        }
    }
}
